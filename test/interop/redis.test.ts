/**
 * Live interop with the Go peer (compat/cmd/peer, real Hertz on hertz-contrib/sessions'
 * Redis store) on one redis-server: one cookie jar alternates between the Go service and the
 * Node demo app (examples/app.ts) with the same key, both read and write the same Redis key,
 * give it the same TTL for the same options, and each side's SaveSessionWithoutContext is
 * read by the other side's LoadSessionBySessionId.
 */
import * as assert from "uvu/assert";
import {
  GetRedisStore,
  LoadSessionBySessionId,
  NewStore,
  SaveSessionWithoutContext,
} from "../../src/redis/index.ts";
import { GorillaSession } from "../../src/sessions/GorillaSession.ts";
import { CookieJar, parseSetCookie } from "../support/cookieJar.ts";
import { liveRedis } from "../support/liveRedis.ts";
import { assertSameSetCookie } from "../support/setCookieCompare.ts";
import { call, listenApp, type Side, sessionId } from "./demoApp.ts";

const { T, liveTest } = liveRedis(
  "redis: interop with the Go peer",
  async ({ redis, addr, startPeer, defer }) => {
    const peer = await startPeer(["-store", "redis", "-redis", addr]);
    const store = GetRedisStore(await NewStore(10, "tcp", addr, "", Buffer.from("secret")));
    defer(() => store.Close());
    const app = await listenApp(store);
    defer(app.close);
    return { redis, store, peer, go: { name: "go", url: peer.url }, node: app.node };
  },
);

liveTest("one jar alternates between Go and Node on one session", async ({ go, node, redis }) => {
  const jar = new CookieJar();
  assert.equal(await call(jar, node, "/login?user=ann"), { user: "ann" });
  const id = await sessionId(jar, go);
  assert.match(id, /^[A-Z2-7]{52}$/);
  assert.is(await sessionId(jar, node), id);
  assert.equal(await redis.command("KEYS", "*"), [`session_${id}`]);

  assert.equal(await call(jar, go, "/home"), {
    user: "ann",
    count: 1,
    flashes: ["Welcome, ann!"],
  });
  assert.equal(await call(jar, node, "/home"), { user: "ann", count: 2, flashes: [] });
  assert.equal(await call(jar, go, "/incr"), { count: 3 });
  assert.equal(await call(jar, node, "/incr"), { count: 4 });
  await call(jar, node, "/flash?msg=from-node");
  await call(jar, go, "/flash?msg=from-go");
  assert.equal(await call(jar, node, "/flashes"), { flashes: ["from-node", "from-go"] });
  assert.is(await sessionId(jar, go), id, "still the same session");
  assert.equal(await redis.command("KEYS", "*"), [`session_${id}`]);

  // Logging out on one side deletes the key for both.
  await call(jar, go, "/logout");
  assert.equal(await redis.command("KEYS", "*"), []);
  const res = await jar.fetch(`${node.url}/home`);
  assert.is(res.status, 401);
  await res.body?.cancel();
});

liveTest("a Go session logged in first is read by Node, and back", async ({ go, node }) => {
  const jar = new CookieJar();
  await call(jar, go, "/login?user=bob");
  assert.equal(await call(jar, node, "/home"), {
    user: "bob",
    count: 1,
    flashes: ["Welcome, bob!"],
  });
  assert.equal(await call(jar, go, "/home"), { user: "bob", count: 2, flashes: [] });
});

liveTest(
  "same options, same TTL and the same Set-Cookie meaning on both sides",
  async ({ go, node, redis }) => {
    const ttlOf = async (jar: CookieJar, side: Side) =>
      Number(await redis.command("PTTL", `session_${await sessionId(jar, side)}`));
    const headers: Record<string, string> = {};
    for (const side of [node, go]) {
      const jar = new CookieJar();
      await call(jar, side, "/login?user=ttl");
      const ttl = await ttlOf(jar, side);
      assert.ok(
        ttl > 2_592_000_000 - 10_000 && ttl <= 2_592_000_000,
        `${side.name} login TTL ${ttl}`,
      );
      await call(jar, side, "/options?maxAge=600&path=/&httponly=1&samesite=lax");
      headers[side.name] = jar.lastSetCookie[0];
      const short = await ttlOf(jar, side);
      assert.ok(short > 595_000 && short <= 600_000, `${side.name} maxAge=600 TTL ${short}`);
      assert.is(parseSetCookie(headers[side.name]).maxAge, 600);
    }
    assertSameSetCookie(headers.node, headers.go);
  },
);

liveTest(
  "MaxAge 0 through Options deletes the session on both sides",
  async ({ go, node, redis }) => {
    for (const side of [node, go]) {
      const jar = new CookieJar();
      await call(jar, side, "/login?user=zero");
      const id = await sessionId(jar, side);
      await call(jar, side, "/options?maxAge=0&path=/");
      assert.is(await redis.command("EXISTS", `session_${id}`), 0, side.name);
      const cookie = parseSetCookie(jar.lastSetCookie[0]);
      assert.is(cookie.value, "", side.name);
    }
  },
);

liveTest(
  "SaveSessionWithoutContext on one side, LoadSessionBySessionId on the other",
  async ({ go, redis, store }) => {
    // Node saves, Go loads.
    const s = GorillaSession.New(store, "");
    s.Options = { ...store.Opts };
    s.Values.set("n", 41);
    s.Values.set("who", "node");
    await SaveSessionWithoutContext(store, "FROM_NODE", s);
    const jar = new CookieJar();
    const loaded = (await call(jar, go, "/load?id=FROM_NODE")) as { t: string; v: unknown[] };
    assert.is(loaded.t, "map[interface {}]interface {}");
    assert.equal(loaded.v, [
      [
        { t: "string", v: "n" },
        { t: "int", v: "41" },
      ],
      [
        { t: "string", v: "who" },
        { t: "string", v: "node" },
      ],
    ]);
    const nodeTtl = Number(await redis.command("TTL", "session_FROM_NODE"));

    // Go saves (with the store's options, as the peer does), Node loads.
    assert.equal(await call(jar, go, "/savewithoutcontext?id=FROM_GO&key=k&value=5"), { ok: true });
    const back = await LoadSessionBySessionId(store, "FROM_GO");
    assert.ok(back);
    assert.is(back.Values.get("k"), 5);
    const goTtl = Number(await redis.command("TTL", "session_FROM_GO"));
    assert.ok(
      Math.abs(goTtl - nodeTtl) <= 2 && goTtl > 2_591_990,
      `TTL go ${goTtl} node ${nodeTtl}`,
    );

    // Go adds to the Node-saved session; Node sees both.
    await call(jar, go, "/savewithoutcontext?id=FROM_NODE&key=extra&value=7");
    const merged = await LoadSessionBySessionId(store, "FROM_NODE");
    assert.equal([...(merged?.Values ?? new Map()).entries()].sort(), [
      ["extra", 7],
      ["n", 41],
      ["who", "node"],
    ]);

    // Neither side finds a missing ID.
    assert.is(await LoadSessionBySessionId(store, "MISSING"), null);
    const res = await jar.fetch(`${go.url}/load?id=MISSING`);
    assert.is(res.status, 404);
    await res.body?.cancel();
  },
);

T.run();
