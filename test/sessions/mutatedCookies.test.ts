/**
 * Mutated and random cookies (and stored values) through the middleware: each request is a
 * decoded session or a new one, never a throw, a rejection or a forged decode. The same
 * generator sends a million in bench/soak.ts.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { fuzz } from "../support/mutatedCookies.ts";

test("20,000 mutated cookies over every key size and serializer: each decoded or new", async () => {
  const stats = await fuzz(20_000);
  assert.equal(stats.failures, []);
  assert.is(stats.unhandled, 0, "no unhandled rejection");
  assert.is(stats.requests, 20_000);
  assert.is(stats.decoded + stats.fresh, stats.requests);
  assert.ok(stats.decoded > 1_000, `some decode (${stats.decoded})`);
  assert.ok(stats.fresh > 10_000, `most are refused (${stats.fresh})`);
});

test.run();
