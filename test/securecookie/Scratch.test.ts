/**
 * The reused working buffer: reused while it fits, grown on demand, and never kept beyond
 * 8 KiB.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Scratch } from "../../src/securecookie/Scratch.ts";

test("reused while it fits, grown on demand", () => {
  const s = new Scratch(16);
  const a = s.get(16);
  assert.is(a.length, 16);
  assert.is(s.get(1), a);
  const b = s.get(5000);
  assert.ok(b.length >= 5000);
  assert.is(s.get(100), b);
});

test("a buffer over 8 KiB serves its call and is not kept", () => {
  const s = new Scratch(16);
  const kept = s.get(8192);
  const big = s.get(8193);
  assert.ok(big.length >= 8193);
  assert.is.not(big, kept);
  assert.is(s.get(10), kept);
  assert.is.not(s.get(8193), big);
});

test.run();
