/**
 * The distributed demo: the Go peer (compat/cmd/peer, a real Hertz service on
 * hertz-contrib/sessions) and the Node demo app (examples/app.ts, its store from
 * `storeFromEnv` as `npm start` builds it) behind one Redis, then one Redis Cluster. A user
 * logged in on one service is logged in on the other, the visit count goes on across both, and
 * a logout on either logs out of both. Skipped without Go or redis-server.
 */
import * as assert from "uvu/assert";
import { createApp, storeFromEnv } from "../../examples/app.ts";
import { RediStore } from "../../src/redis/index.ts";
import { Store as ClusterStore } from "../../src/rediscluster/index.ts";
import type { Store } from "../../src/sessions/Store.ts";
import { CookieJar } from "../support/cookieJar.ts";
import { type Live, type LiveSuite, liveRedis, liveRedisCluster } from "../support/liveRedis.ts";
import { serve } from "../support/serve.ts";

/** The two services of one deployment. */
interface Deployment {
  go: string;
  node: string;
  store: Store;
}

/**
 * Starts the Go peer with `peerArgs` and the Node app with `env` (as `npm start` reads it)
 * on a running Redis; both are stopped after the suite.
 */
async function deploy(
  { startPeer, defer }: Live,
  peerArgs: string[],
  env: NodeJS.ProcessEnv,
): Promise<Deployment> {
  const peer = await startPeer(peerArgs);
  const store = await storeFromEnv(env);
  defer(() => (store as RediStore | ClusterStore).Close());
  const app = await serve(createApp(store));
  defer(app.close);
  return { go: peer.url, node: app.url, store };
}

/** GET `path` on `base` with the jar: [status, JSON body]. */
async function get(jar: CookieJar, base: string, path: string): Promise<[number, unknown]> {
  const res = await jar.fetch(`${base}${path}`);
  return [res.status, await res.json()];
}

/** The tests of one deployment, on the suite that deploys it. */
function distributedTests(
  { T, liveTest: live }: LiveSuite<Deployment>,
  storeClass: typeof RediStore | typeof ClusterStore,
) {
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

distributedTests(
  liveRedis("examples: distributed demo on one Redis", ({ addr, ...live }) =>
    deploy(live, ["-store", "redis", "-redis", addr], { REDIS_ADDR: addr }),
  ),
  RediStore,
).run();

distributedTests(
  liveRedisCluster(
    "examples: distributed demo on one Redis Cluster",
    { replicas: false },
    ({ addrs, ...live }) => {
      const seeds = addrs.join(",");
      // With a block key on both sides too: the cookie is encrypted, the Redis keys are the same.
      const blockKey = "0123456789abcdef";
      return deploy(live, ["-store", "rediscluster", "-redis", seeds, "-block-key", blockKey], {
        REDIS_CLUSTER: seeds,
        SESSION_BLOCK_KEY: blockKey,
      });
    },
  ),
  ClusterStore,
).run();
