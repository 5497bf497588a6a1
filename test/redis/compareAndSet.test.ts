/**
 * The Redis store's compare-and-set (`SetCompareAndSet(true)`, src/internal/redisStore/compareAndSet.ts)
 * against a real redis-server: what a conflicting save does with `Set`, `Delete`, `Clear`,
 * flashes and `Update`; a session deleted meanwhile; the attempts bound; 200 concurrent
 * `count + 1` requests of one session, with the loss the default store shows; and the same with
 * the Go peer (`-cas`, compat/casstore) serving half of them.
 */
import { readFileSync } from "node:fs";
import * as assert from "uvu/assert";
import { decode as gobDecode } from "../../src/gob/index.ts";
import { compareAndSetScript } from "../../src/internal/redisStore/compareAndSet.ts";
import { GetRedisStore, NewStore } from "../../src/redis/index.ts";
import {
  allAtOnce,
  counterService,
  startSession,
  twoHundredUpdates,
  twoHundredUpdatesWithGo,
} from "../support/counterService.ts";
import { liveRedis } from "../support/liveRedis.ts";
import type { RedisServer } from "../support/redisServer.ts";
import { hashKey, requestSession } from "../support/storeCalls.ts";

const { T, liveTest } = liveRedis("redis: compare-and-set", async ({ redis, addr, defer }) => {
  const cas = GetRedisStore(await NewStore(10, "tcp", addr, "", hashKey));
  defer(() => cas.Close());
  cas.SetCompareAndSet(true);
  const plain = GetRedisStore(await NewStore(10, "tcp", addr, "", hashKey));
  defer(() => plain.Close());
  return { redis, addr, cas, plain };
});

/** The values stored under a session's key. */
async function stored(redis: RedisServer, id: string): Promise<Map<unknown, unknown>> {
  const raw = await redis.command("GET", `session_${id}`);
  assert.type(raw, "string", `session_${id} exists`);
  return gobDecode(Buffer.from(raw as string, "latin1")) as Map<unknown, unknown>;
}

T("the Go helper runs the same script", () => {
  const go = readFileSync(new URL("../../compat/casstore/casstore.go", import.meta.url), "utf8");
  assert.is(/const Script = `([^`]*)`/.exec(go)?.[1], compareAndSetScript);
});

liveTest(
  "a conflicting save makes this request's changes again on the current values",
  async ({ cas, redis }) => {
    const first = await requestSession(cas);
    first.s.Set("a", 1);
    first.s.Set("b", 1);
    first.s.Set("gone", true);
    first.s.AddFlash("old");
    await first.s.Save();
    const cookie = first.cookieOut();
    const id = first.s.ID();

    const one = await requestSession(cas, cookie);
    const two = await requestSession(cas, cookie);
    one.s.Set("a", 2);
    one.s.Update("n", (n) => ((n as number | undefined) ?? 0) + 1);
    one.s.AddFlash("from one");
    await one.s.Save();

    two.s.Set("b", 2);
    two.s.Delete("gone");
    two.s.Update("n", (n) => ((n as number | undefined) ?? 0) + 10);
    assert.equal(two.s.Flashes(), ["old"]);
    await two.s.Save();

    const values = await stored(redis, id);
    assert.is(values.get("a"), 2, "one's Set kept");
    assert.is(values.get("b"), 2, "two's Set made again");
    assert.is(values.has("gone"), false, "two's Delete made again");
    assert.is(values.get("n"), 11, "both Updates counted");
    assert.is(values.has("_flash"), false, "two's Flashes dropped the list it found");
    assert.is(two.s.Get("a"), 2, "after Save, Get reads the saved values");
  },
);

liveTest("Clear is made again on the current values too", async ({ cas, redis }) => {
  const first = await requestSession(cas);
  first.s.Set("a", 1);
  await first.s.Save();
  const cookie = first.cookieOut();
  const one = await requestSession(cas, cookie);
  const two = await requestSession(cas, cookie);
  one.s.Set("b", 1);
  await one.s.Save();
  two.s.Clear();
  two.s.Set("c", 1);
  await two.s.Save();
  assert.equal([...(await stored(redis, first.s.ID())).keys()], ["c"]);
});

liveTest(
  "a new session's first save does not overwrite a key created meanwhile",
  async ({ cas, redis }) => {
    const first = await requestSession(cas);
    first.s.Set("a", 1);
    await first.s.Save();
    const cookie = first.cookieOut();
    await redis.command("DEL", `session_${first.s.ID()}`);
    // Two requests with the same cookie find no key (an expired session).
    const one = await requestSession(cas, cookie);
    const two = await requestSession(cas, cookie);
    one.s.Set("x", 1);
    two.s.Set("y", 2);
    await one.s.Save();
    await two.s.Save();
    const values = await stored(redis, first.s.ID());
    assert.is(values.get("x"), 1);
    assert.is(values.get("y"), 2);
  },
);

liveTest("a session deleted while the request ran is not written again", async ({ cas, redis }) => {
  const first = await requestSession(cas);
  first.s.Set("user", "ann");
  await first.s.Save();
  const other = await requestSession(cas, first.cookieOut());
  await first.s.Destroy();
  other.s.Set("late", true);
  try {
    await other.s.Save();
    assert.unreachable("Save should reject");
  } catch (err) {
    assert.match(String(err), "the session was deleted while the request ran");
  }
  assert.is(await redis.command("EXISTS", `session_${first.s.ID()}`), 0);
});

liveTest("after its last attempt a save rejects with a clear error", async ({ redis }) => {
  const store = GetRedisStore(await NewStore(10, "tcp", `127.0.0.1:${redis.port}`, "", hashKey));
  try {
    store.SetCompareAndSet(true, 1);
    const first = await requestSession(store);
    first.s.Set("a", 1);
    await first.s.Save();
    const one = await requestSession(store, first.cookieOut());
    const two = await requestSession(store, first.cookieOut());
    one.s.Set("a", 2);
    await one.s.Save();
    two.s.Set("a", 3);
    try {
      await two.s.Save();
      assert.unreachable("Save should reject");
    } catch (err) {
      assert.match(String(err), "the session changed under each of 1 attempts to save it");
    }
    assert.is((await stored(redis, first.s.ID())).get("a"), 2);
    assert.throws(() => store.SetCompareAndSet(true, 0), /positive integer/);
  } finally {
    await store.Close();
  }
});

liveTest(
  "without the option, overlapping requests lose updates (last write wins)",
  async ({ plain }) => {
    const service = await counterService(plain);
    try {
      const cookie = await startSession(service.url);
      const replies = await allAtOnce(Array(200).fill(`${service.url}/set`), cookie);
      assert.ok(replies.every((r) => r.status === 200));
      const final = Number((await allAtOnce([`${service.url}/update`], cookie))[0].body) - 1;
      console.log(`  without compare-and-set: 200 concurrent count+1 → ${final}`);
      assert.ok(final < 200, `lost updates expected, got ${final}`);
    } finally {
      await service.close();
    }
  },
);

liveTest("with the option, 200 concurrent count+1 end at exactly 200", ({ cas }) =>
  twoHundredUpdates(cas),
);

liveTest(
  "Node and the Go peer (casstore) interleaved: 200 concurrent count+1 end at 200",
  ({ cas, addr }) =>
    twoHundredUpdatesWithGo(cas, ["-store", "redis", "-redis", addr], async (urls, cookie) => {
      // Go reads what both wrote, then Node reads Go's write.
      assert.is((await allAtOnce([`${urls.node}/update`], cookie))[0].body, "202");
    }),
);

T.run();
