/**
 * hertz-sessions with the Redis Cluster store, as a Hertz service would configure it:
 * `New("mysession", rediscluster.NewStore(10, addrs, "", undefined, hashKey))`.
 */
import { NewStore } from "../../src/rediscluster/index.ts";
import { listenCounter } from "./shared/hertzCounter.ts";
import { hashKey32 } from "./shared/keys.ts";
import { requireEnv } from "./shared/listen.ts";

listenCounter(
  await NewStore(10, requireEnv("BENCH_REDIS_CLUSTER_ADDRS").split(","), "", undefined, hashKey32),
);
