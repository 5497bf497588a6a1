/**
 * A suite of live tests on Redis (one redis-server or a Redis Cluster), with the Go peer when
 * asked for: `before` starts Redis and runs the suite's `setup`, which starts the peer and the
 * Node stores and apps the tests use and returns the tests' context; `after` stops all that was
 * started, the last first. A missing tool (redis-server, redis-cli, Go) skips the suite's live
 * tests as startRedis and startPeer say: a SKIPPED line outside CI, a failure under CI=true.
 *
 *   const { T, liveTest } = liveRedis("redis: …", async ({ redis, addr, startPeer, defer }) => {
 *     const peer = await startPeer(["-store", "redis", "-redis", addr]);
 *     const store = GetRedisStore(await NewStore(10, "tcp", addr, "", key));
 *     defer(() => store.Close());
 *     return { redis, peer, store };
 *   });
 *   liveTest("…", async ({ peer, store }) => { … });
 *   T.run();
 */
import { suite, type Test } from "uvu";
import { startPeer as launchPeer, type Peer } from "./peer.ts";
import {
  type RedisCluster,
  type RedisClusterOptions,
  type RedisOptions,
  type RedisServer,
  startRedis,
  startRedisCluster,
} from "./redisServer.ts";

/** What `setup` is given besides the Redis it runs on. */
export interface Live {
  /**
   * Starts the Go peer with `args`, stopped after the suite. Without Go the suite's live tests
   * are skipped, as without Redis.
   */
  startPeer(args: string[]): Promise<Peer>;
  /** Runs `stop` after the suite, the last deferred first. */
  defer(stop: () => Promise<void>): void;
}

export interface LiveSuite<Ctx> {
  /** The suite: tests added with `T(…)` run with or without Redis. */
  T: Test<Ctx>;
  /** A test that runs only when Redis (and the peer, if asked for) started. */
  liveTest(title: string, fn: (ctx: Ctx) => Promise<void>): void;
}

/** Thrown by `peer` when Go is missing: the suite is skipped. */
const skipped = Symbol("skipped");

function liveSuite<R, Ctx extends object>(
  title: string,
  start: () => Promise<R | null>,
  stopRedis: (redis: R) => Promise<void>,
  setup: (redis: R, live: Live) => Promise<Ctx>,
): LiveSuite<Ctx> {
  const T = suite<Ctx>(title);
  let live = true;
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (let stop = stops.pop(); stop; stop = stops.pop()) await stop();
  };
  const defer = (stop: () => Promise<void>) => {
    stops.push(stop);
  };
  const startPeer = async (args: string[]) => {
    const p = await launchPeer(args);
    if (!p) throw skipped;
    defer(() => p.stop());
    return p;
  };

  T.before(async (ctx) => {
    const redis = await start();
    if (!redis) {
      live = false;
      return;
    }
    defer(() => stopRedis(redis));
    try {
      Object.assign(ctx, await setup(redis, { startPeer, defer }));
    } catch (err) {
      if (err !== skipped) throw err;
      live = false;
      await stopAll();
    }
  });

  T.after(async () => {
    if (!live) return;
    await stopAll();
  });

  return {
    T,
    liveTest(title, fn) {
      T(title, async (ctx) => {
        if (live) await fn(ctx);
      });
    },
  };
}

type RedisSetup<Ctx> = (live: Live & { redis: RedisServer; addr: string }) => Promise<Ctx>;

/**
 * Live tests on one redis-server, started with `options` when given (a password, a Unix
 * socket); `addr` is its `127.0.0.1:PORT`.
 */
export function liveRedis<Ctx extends object>(
  title: string,
  setup: RedisSetup<Ctx>,
): LiveSuite<Ctx>;
export function liveRedis<Ctx extends object>(
  title: string,
  options: RedisOptions,
  setup: RedisSetup<Ctx>,
): LiveSuite<Ctx>;
export function liveRedis<Ctx extends object>(
  title: string,
  optionsOrSetup: RedisOptions | RedisSetup<Ctx>,
  maybeSetup?: RedisSetup<Ctx>,
): LiveSuite<Ctx> {
  const [options, setup] =
    typeof optionsOrSetup === "function"
      ? [{}, optionsOrSetup]
      : [optionsOrSetup, maybeSetup as RedisSetup<Ctx>];
  return liveSuite(
    title,
    () => startRedis(options),
    (redis) => redis.stop(),
    (redis, live) => setup({ ...live, redis, addr: `127.0.0.1:${redis.port}` }),
  );
}

/** Live tests on a Redis Cluster started with `options`; `addrs` are its nodes' `HOST:PORT`. */
export function liveRedisCluster<Ctx extends object>(
  title: string,
  options: RedisClusterOptions,
  setup: (live: Live & { cluster: RedisCluster; addrs: string[] }) => Promise<Ctx>,
): LiveSuite<Ctx> {
  return liveSuite(
    title,
    () => startRedisCluster(options),
    (cluster) => cluster.stop(),
    (cluster, live) =>
      setup({ ...live, cluster, addrs: cluster.nodes.map((n) => `${n.host}:${n.port}`) }),
  );
}
