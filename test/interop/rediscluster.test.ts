/**
 * Live interop with the Go peer (compat/cmd/peer on hertz-contrib/sessions' rediscluster
 * store, go-redis v9) on one Redis Cluster: one cookie jar alternates between Go and the Node
 * demo app, each side's SaveSessionWithoutContext is read by the other's
 * LoadSessionBySessionId, and the one behaviour fixed here (an expired key is no error) is
 * shown against Go's.
 */
import * as assert from "uvu/assert";
import {
  LoadSessionBySessionId,
  NewStore,
  SaveSessionWithoutContext,
} from "../../src/rediscluster/index.ts";
import { GorillaSession } from "../../src/sessions/GorillaSession.ts";
import { SetLogger } from "../../src/sessions/logger.ts";
import { CookieJar } from "../support/cookieJar.ts";
import { liveRedisCluster } from "../support/liveRedis.ts";
import { call, listenApp, sessionId } from "./demoApp.ts";

const { T, liveTest } = liveRedisCluster(
  "rediscluster: interop with the Go peer",
  { replicas: false },
  async ({ cluster, addrs, startPeer, defer }) => {
    const peer = await startPeer(["-store", "rediscluster", "-redis", addrs.join(",")]);
    const store = await NewStore(10, addrs, "", null, Buffer.from("secret"));
    defer(() => store.Close());
    const app = await listenApp(store);
    defer(app.close);
    return { cluster, store, peer, go: { name: "go", url: peer.url }, node: app.node };
  },
);

liveTest("one jar alternates between Go and Node on one session", async ({ cluster, go, node }) => {
  const jar = new CookieJar();
  await call(jar, go, "/login?user=ann");
  const id = await sessionId(jar, node);
  assert.is(await sessionId(jar, go), id);
  const ttl = Number(await cluster.commandRouted("TTL", `session_${id}`));
  assert.ok(ttl > 2_591_990 && ttl <= 2_592_000, `TTL ${ttl}`);
  assert.equal(await call(jar, node, "/home"), {
    user: "ann",
    count: 1,
    flashes: ["Welcome, ann!"],
  });
  assert.equal(await call(jar, go, "/incr"), { count: 2 });
  assert.equal(await call(jar, node, "/incr"), { count: 3 });
  await call(jar, node, "/logout");
  assert.is(await cluster.commandRouted("EXISTS", `session_${id}`), 0);
});

liveTest(
  "SaveSessionWithoutContext on one side, LoadSessionBySessionId on the other",
  async ({ go, store }) => {
    const s = GorillaSession.New(store, "");
    s.Options = { ...store.Opts };
    s.Values.set("n", 41);
    await SaveSessionWithoutContext(store, "CLUSTER_FROM_NODE", s);
    const jar = new CookieJar();
    assert.equal(await call(jar, go, "/load?id=CLUSTER_FROM_NODE"), {
      t: "map[interface {}]interface {}",
      v: [
        [
          { t: "string", v: "n" },
          { t: "int", v: "41" },
        ],
      ],
    });
    await call(jar, go, "/savewithoutcontext?id=CLUSTER_FROM_GO&key=k&value=5");
    assert.is((await LoadSessionBySessionId(store, "CLUSTER_FROM_GO"))?.Values.get("k"), 5);
    assert.is(await LoadSessionBySessionId(store, "CLUSTER_MISSING"), null);
  },
);

liveTest(
  "an expired key: Go logs `redis: nil`, Node serves a new session silently",
  async ({ cluster, go, node, peer }) => {
    const jar = new CookieJar();
    await call(jar, node, "/login?user=exp");
    const id = await sessionId(jar, node);
    await cluster.commandRouted("DEL", `session_${id}`);

    const logged: string[] = [];
    const previous = SetLogger((m) => logged.push(m));
    try {
      const res = await jar.fetch(`${node.url}/home`);
      assert.is(res.status, 401);
      await res.body?.cancel();
    } finally {
      SetLogger(previous);
    }
    assert.equal(logged, [], "Node: no error for an expired session");

    const before = peer.stderr().length;
    const res = await jar.fetch(`${go.url}/home`);
    assert.is(res.status, 401);
    await res.body?.cancel();
    await new Promise((r) => setTimeout(r, 100));
    assert.match(peer.stderr().slice(before), "redis: nil", "Go logs go-redis's redis.Nil");
  },
);

T.run();
