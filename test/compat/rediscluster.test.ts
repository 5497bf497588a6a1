/**
 * The Go peer on hertz-contrib/sessions' Redis Cluster store (go-redis ClusterClient) against
 * a private 3-master / 3-replica cluster: keys and TTL as on one node, the context-free calls,
 * and a session surviving the failover of the master that holds it. Also the cluster
 * helper's own promises (roles, routing, failover wait).
 *
 * Pinned (rediscluster/redisc_store.go v1.0.3): load reports a missing key as go-redis's Nil
 * error, which LoadSessionBySessionId returns as an error (the peer answers 404 for it).
 */
import * as assert from "uvu/assert";
import { CookieJar } from "../support/cookieJar.ts";
import { liveRedisCluster } from "../support/liveRedis.ts";
import { type Peer, startPeer } from "../support/peer.ts";

type Typed = { t: string; v?: unknown };
type Reply = { status: number; body: unknown };

function entries(dump: unknown): Map<string, Typed> {
  const out = new Map<string, Typed>();
  for (const [k, v] of ((dump as Typed).v ?? []) as Array<[Typed, Typed]>) out.set(String(k.v), v);
  return out;
}

async function get(peer: Peer, jar: CookieJar, path: string): Promise<Reply> {
  const res = await jar.fetch(`${peer.url}${path}`);
  return { status: res.status, body: await res.json() };
}

// The peer is null without Go: the helper's own test runs all the same.
const { T: Cluster, liveTest } = liveRedisCluster(
  "peer: rediscluster store",
  {},
  async ({ cluster, defer }) => {
    const masters = await cluster.masters();
    const addrs = masters.map((n) => `${n.host}:${n.port}`).join(",");
    const peer = await startPeer(["-store", "rediscluster", "-redis", addrs]);
    if (peer) defer(() => peer.stop());
    return { cluster, peer };
  },
);

liveTest(
  "the helper: 3 masters with one synced replica each, MOVED followed",
  async ({ cluster }) => {
    assert.is(cluster.nodes.length, 6);
    const masters = await cluster.masters();
    assert.is(masters.length, 3);
    for (const m of masters) {
      const replicas = await cluster.replicasOf(m);
      assert.is(replicas.length, 1, `replicas of ${m.port}`);
      const info = String(await cluster.command(replicas[0], "INFO", "replication"));
      assert.match(info, /master_link_status:up/);
    }
    for (const key of ["a", "b", "c", "d"]) {
      assert.is(await cluster.commandRouted("SET", key, key.toUpperCase()), "OK");
      assert.is(await cluster.commandRouted("GET", key), key.toUpperCase());
      const owner = await cluster.masterOf(key);
      assert.is(await cluster.command(owner, "GET", key), key.toUpperCase());
    }
  },
);

liveTest(
  "session_<ID> with TTL 86400*30, load, save without context, logout",
  async ({ cluster, peer }) => {
    if (!peer) return;
    const jar = new CookieJar();
    assert.equal(await get(peer, jar, "/login?user=ann"), { status: 200, body: { user: "ann" } });
    const { id } = (await get(peer, jar, "/id")).body as { id: string };
    assert.match(id, /^[A-Z2-7]{52}$/);
    const key = `session_${id}`;
    const ttl = (await cluster.commandRouted("TTL", key)) as number;
    assert.ok(ttl > 2592000 - 10 && ttl <= 2592000, `ttl ${ttl}`);

    assert.equal(await get(peer, jar, "/home"), {
      status: 200,
      body: { user: "ann", count: 1, flashes: ["Welcome, ann!"] },
    });
    assert.equal(entries((await get(peer, new CookieJar(), `/load?id=${id}`)).body).get("count"), {
      t: "int",
      v: "1",
    });
    assert.equal(await get(peer, new CookieJar(), "/load?id=NOSUCHID"), {
      status: 404,
      body: { error: "not found" },
    });
    assert.equal(await get(peer, new CookieJar(), `/savewithoutcontext?id=${id}&key=k&value=5`), {
      status: 200,
      body: { ok: true },
    });
    assert.equal(entries((await get(peer, jar, "/dump")).body).get("k"), { t: "int", v: "5" });

    assert.equal(await get(peer, jar, "/logout"), { status: 200, body: { ok: true } });
    assert.is(await cluster.commandRouted("EXISTS", key), 0);
    assert.is(jar.get("mysession"), undefined);
  },
);

liveTest("a session survives the failover of the master holding it", async ({ cluster, peer }) => {
  if (!peer) return;
  const jar = new CookieJar();
  await get(peer, jar, "/login?user=bob");
  assert.equal((await get(peer, jar, "/home")).body, {
    user: "bob",
    count: 1,
    flashes: ["Welcome, bob!"],
  });
  const { id } = (await get(peer, jar, "/id")).body as { id: string };
  const owner = await cluster.masterOf(`session_${id}`);
  assert.is(await cluster.command(owner, "WAIT", 1, 2000), 1, "the replica has the write");

  await cluster.killMaster(owner);
  const promoted = await cluster.masterOf(`session_${id}`);
  assert.is.not(promoted.port, owner.port);

  // go-redis keeps dialling the dead master until it reloads the cluster state (about 6 s
  // here, once more than 20 s: meanwhile the load fails, the peer logs it and serves a new,
  // empty session: 401). The loop ends at the first success; it gives up after 60 s.
  const statuses: number[] = [];
  let last: Reply = { status: 0, body: null };
  for (let i = 0; i < 240 && last.status !== 200; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, 250));
    last = await get(peer, jar, "/home");
    statuses.push(last.status);
  }
  assert.equal(
    last,
    { status: 200, body: { user: "bob", count: 2, flashes: [] } },
    `statuses ${statuses}; the peer's last errors:\n${peer.stderr().split("\n").slice(-5).join("\n")}`,
  );
});

Cluster.run();
