/**
 * The distributed demo: the Go peer (compat/cmd/peer, a real Hertz service on
 * hertz-contrib/sessions) and the Node demo app (examples/app.ts, its store from
 * `storeFromEnv` as `npm start` builds it) behind one Redis, then one Redis Cluster. A user
 * logged in on one service is logged in on the other, the visit count goes on across both, and
 * a logout on either logs out of both. Skipped without Go or redis-server.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createApp, storeFromEnv } from "../../examples/app.ts";
import { RediStore } from "../../src/redis/index.ts";
import { Store as ClusterStore } from "../../src/rediscluster/index.ts";
import type { Store } from "../../src/sessions/Store.ts";
import { serve } from "../sessions/serve.ts";
import { CookieJar } from "../support/cookieJar.ts";
import { startPeer } from "../support/peer.ts";
import { startRedis, startRedisCluster } from "../support/redisServer.ts";

/** The two services of one deployment, and how to take it down. */
interface Deployment {
  go: string;
  node: string;
  store: Store;
  stop(): Promise<void>;
}

/**
 * Starts the Go peer with `peerArgs` and the Node app with `env` (as `npm start` reads it)
 * on a running Redis; null (skipped) without Go. `stopRedis` runs last, also when the start
 * fails.
 */
async function deploy(
  peerArgs: string[],
  env: NodeJS.ProcessEnv,
  stopRedis: () => Promise<void>,
): Promise<Deployment | null> {
  const peer = await startPeer(peerArgs).catch(async (err) => {
    await stopRedis();
    throw err;
  });
  if (!peer) {
    await stopRedis();
    return null;
  }
  let store: Store;
  try {
    store = await storeFromEnv(env);
  } catch (err) {
    await peer.stop();
    await stopRedis();
    throw err;
  }
  const app = await serve(createApp(store));
  return {
    go: peer.url,
    node: app.url,
    store,
    async stop() {
      await app.close();
      await (store as RediStore | ClusterStore).Close();
      await peer.stop();
      await stopRedis();
    },
  };
}

/** GET `path` on `base` with the jar: [status, JSON body]. */
async function get(jar: CookieJar, base: string, path: string): Promise<[number, unknown]> {
  const res = await jar.fetch(`${base}${path}`);
  return [res.status, await res.json()];
}

function distributedSuite(
  title: string,
  storeClass: typeof RediStore | typeof ClusterStore,
  start: () => Promise<Deployment | null>,
) {
  const T = suite<{ d?: Deployment }>(title);
  T.before(async (ctx) => {
    ctx.d = (await start()) ?? undefined;
  });
  T.after(async (ctx) => {
    await ctx.d?.stop();
  });
  const live = (name: string, fn: (d: Deployment) => Promise<void>) =>
    T(name, async (ctx) => {
      if (ctx.d) await fn(ctx.d);
    });

  live("storeFromEnv built the Redis store the environment names", async ({ store }) => {
    assert.instance(store, storeClass);
  });

  live("login on one service, /home on the other sees the user and counts on", async (d) => {
    for (const [first, other, user] of [
      [d.go, d.node, "ann"],
      [d.node, d.go, "bob"],
    ]) {
      const jar = new CookieJar();
      assert.equal(await get(jar, first, `/login?user=${user}`), [200, { user }]);
      const welcome = [`Welcome, ${user}!`];
      assert.equal(await get(jar, other, "/home"), [200, { user, count: 1, flashes: welcome }]);
      assert.equal(await get(jar, first, "/home"), [200, { user, count: 2, flashes: [] }]);
      assert.equal(await get(jar, other, "/home"), [200, { user, count: 3, flashes: [] }]);
    }
  });

  live("logout on one service: the other answers 401", async ({ go, node }) => {
    for (const [from, to] of [
      [go, node],
      [node, go],
    ]) {
      const jar = new CookieJar();
      await get(jar, to, "/login?user=cy");
      // An old copy of the cookie: the logout must end the session in Redis, not only in the jar.
      const cookie = jar.header("/");
      assert.equal(await get(jar, from, "/logout"), [200, { ok: true }]);
      assert.is(jar.get("mysession"), undefined);
      const stale = new CookieJar();
      stale.setCookie(`${cookie}; Path=/`);
      for (const [j, side] of [
        [jar, to],
        [stale, to],
        [stale, from],
      ] as const) {
        assert.equal(await get(j, side, "/home"), [401, { error: "not logged in" }]);
      }
    }
  });

  return T;
}

distributedSuite("examples: distributed demo on one Redis", RediStore, async () => {
  const redis = await startRedis();
  if (!redis) return null;
  const addr = `${redis.host}:${redis.port}`;
  return deploy(["-store", "redis", "-redis", addr], { REDIS_ADDR: addr }, redis.stop);
}).run();

distributedSuite("examples: distributed demo on one Redis Cluster", ClusterStore, async () => {
  const cluster = await startRedisCluster({ replicas: false });
  if (!cluster) return null;
  const addrs = cluster.nodes.map((n) => `${n.host}:${n.port}`).join(",");
  // With a block key on both sides too: the cookie is encrypted, the Redis keys are the same.
  const blockKey = "0123456789abcdef";
  return deploy(
    ["-store", "rediscluster", "-redis", addrs, "-block-key", blockKey],
    { REDIS_CLUSTER: addrs, SESSION_BLOCK_KEY: blockKey },
    cluster.stop,
  );
}).run();
