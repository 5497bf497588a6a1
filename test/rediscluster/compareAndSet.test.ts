/**
 * The Redis Cluster store's compare-and-set (`SetCompareAndSet(true)`) on a live 3-master
 * cluster: the script runs on the master of the session's slot; 200 concurrent `count + 1`
 * requests of one session end at exactly 200, from Node alone and with the Go peer (`-cas`,
 * compat/casstore on go-redis's cluster client) serving half of them.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { NewStore, type Store } from "../../src/rediscluster/index.ts";
import { allAtOnce, counterService, startSession } from "../support/counterService.ts";
import { startPeer } from "../support/peer.ts";
import { type RedisCluster, startRedisCluster } from "../support/redisServer.ts";
import { hashKey } from "../support/storeCalls.ts";

interface Ctx {
  cluster: RedisCluster;
  addrs: string[];
  store: Store;
}

const T = suite<Ctx>("rediscluster: compare-and-set");
let live = true;

T.before(async (ctx) => {
  const cluster = await startRedisCluster({ replicas: false });
  if (!cluster) {
    live = false;
    return;
  }
  ctx.cluster = cluster;
  ctx.addrs = cluster.nodes.map((n) => `${n.host}:${n.port}`);
  ctx.store = await NewStore(10, ctx.addrs, "", null, hashKey);
  ctx.store.SetCompareAndSet(true);
});

T.after(async (ctx) => {
  if (!live) return;
  await ctx.store.Close();
  await ctx.cluster.stop();
});

function liveTest(title: string, fn: (ctx: Ctx) => Promise<void>) {
  T(title, async (ctx) => {
    if (live) await fn(ctx);
  });
}

liveTest("200 concurrent count+1 of one session end at exactly 200", async ({ store }) => {
  const service = await counterService(store);
  try {
    const cookie = await startSession(service.url);
    const replies = await allAtOnce(Array(200).fill(`${service.url}/update`), cookie);
    assert.equal(
      replies.filter((r) => r.status !== 200),
      [],
    );
    assert.is((await allAtOnce([`${service.url}/update`], cookie))[0].body, "201");
  } finally {
    await service.close();
  }
});

liveTest("with the Go peer serving half of them, too", async ({ addrs, store }) => {
  const peer = await startPeer([
    "-store",
    "rediscluster",
    "-redis",
    addrs.join(","),
    "-name",
    "session-key",
    "-hash-key",
    "secret-key",
    "-cas",
  ]);
  if (!peer) return;
  const service = await counterService(store);
  try {
    const cookie = await startSession(service.url);
    const urls = Array.from({ length: 200 }, (_, i) =>
      i % 2 === 0 ? `${service.url}/update` : `${peer.url}/incr`,
    );
    const replies = await allAtOnce(urls, cookie);
    assert.equal(
      replies.filter((r) => r.status !== 200),
      [],
    );
    assert.is((await allAtOnce([`${peer.url}/incr`], cookie))[0].body, '{"count":201}');
  } finally {
    await service.close();
    await peer.stop();
  }
});

T.run();
