/**
 * `hertz-sessions redis` against a throwaway redis-server holding Go-made values: gob bytes
 * written by Go (test/vectors/gob.json) and the JSON serializer's bytes (written by
 * src/serializers/JSONSerializer, Go's exact bytes, test/serializers).
 */
import * as assert from "uvu/assert";
import { run } from "../../src/cli/run.ts";
import { bytesOf, vectors } from "../support/gobVectors.ts";
import { GoCodec } from "../support/gocodec.ts";
import { liveRedis } from "../support/liveRedis.ts";
import type { RedisServer } from "../support/redisServer.ts";
import { bufferIo } from "./bufferIo.ts";

// gocodec is null without Go: only the test that asks Go for its words is skipped.
const { T: t, liveTest } = liveRedis("cli redis", async ({ redis, defer }) => {
  const go = GoCodec.start();
  if (go) defer(async () => go.close());
  return { redis, go };
});

const id = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567ABCDEFGHIJKLMNOPQRST";

async function cli(redis: RedisServer, args: string[]) {
  const io = bufferIo();
  const code = await run(["redis", "--addr", `${redis.host}:${redis.port}`, ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

liveTest("a Go gob session: TTL, size and Go's %T / %#v", async ({ redis, go }) => {
  if (!go) return;
  const c = vectors.cases.find((v) => v.name === "times")!;
  const bytes = bytesOf(c.gob);
  await redis.command("SETEX", `session_${id}`, 1200, bytes);
  const want = await go.call<{ key: string; type: string; value: string }[]>("goString", {
    gob: c.gob,
  });
  const r = await cli(redis, ["--json", id]);
  assert.is(r.code, 0, r.err);
  const report = JSON.parse(r.out);
  assert.is(report.key, `session_${id}`);
  assert.is(report.bytes, bytes.length);
  assert.ok(report.ttl > 1100 && report.ttl <= 1200);
  for (const w of want) {
    const e = report.entries.find((x: { key: string }) => x.key === w.key);
    assert.is(e.type, w.type);
    assert.is(e.value, w.value);
  }
  assert.ok(report.register.includes("time.Time"));
  const text = await cli(redis, [`session_${id}`]);
  assert.is(text.code, 0);
  assert.match(
    text.out,
    new RegExp(`session_${id}: ok \\(${bytes.length} bytes gob, TTL \\d+s\\)`),
  );
});

liveTest("a JSON-serialized session shows Go's JSON types", async ({ redis }) => {
  await redis.command("SET", "app_X", '{"count":3,"user":"ann"}');
  const r = await cli(redis, ["--prefix", "app_", "--serializer", "json", "X"]);
  assert.is(r.code, 0, r.err);
  assert.match(r.out, /"count"\s+float64\s+3/);
  assert.match(r.out, /no expiry/);
});

liveTest("missing key, wrong serializer, over --max-bytes: exit 1 with why", async ({ redis }) => {
  const missing = await cli(redis, ["NOPE"]);
  assert.is(missing.code, 1);
  assert.match(missing.out, /no key session_NOPE: the session expired/);
  await redis.command("SET", "session_J", '{"a":1}');
  const wrong = await cli(redis, ["J"]);
  assert.is(wrong.code, 1);
  assert.match(wrong.out, /the value is not gob/);
  const big = await cli(redis, ["--max-bytes", "3", "J"]);
  assert.is(big.code, 1);
  assert.match(big.out, /over --max-bytes 3: not decoded/);
});

liveTest(
  "--scan lists the sessions under the prefix with size and TTL, bounded by --limit",
  async ({ redis }) => {
    for (let i = 0; i < 5; i++) await redis.command("SETEX", `scan_${i}`, 600, "x".repeat(i + 1));
    await redis.command("SET", "other_key", "y");
    const r = await cli(redis, ["--scan", "--prefix", "scan_", "--json"]);
    assert.is(r.code, 0, r.err);
    const list = JSON.parse(r.out);
    assert.equal(
      list.sessions.map((s: { key: string; bytes: number }) => [s.key, s.bytes]),
      [0, 1, 2, 3, 4].map((i) => [`scan_${i}`, i + 1]),
    );
    assert.ok(list.sessions.every((s: { ttl: number }) => s.ttl > 500));
    const limited = JSON.parse(
      (await cli(redis, ["--scan", "--prefix", "scan_", "--limit", "2", "--json"])).out,
    );
    assert.is(limited.sessions.length, 2);
  },
);

t("an unreachable Redis: exit 1 naming the address", async () => {
  const io = bufferIo();
  const code = await run(["redis", "--addr", "127.0.0.1:1", "X"], io);
  assert.is(code, 1);
  assert.match(io.stderr, /cannot reach Redis at 127\.0\.0\.1:1/);
});

t.run();
