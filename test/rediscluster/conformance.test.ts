/**
 * The store-agnostic suite (hertz-contrib's tester.go) on the Redis Cluster store, over a
 * real 3-master cluster.
 */
import { NewStore, type Store } from "../../src/rediscluster/index.ts";
import { conformanceTests } from "../support/conformance.ts";
import { liveRedisCluster } from "../support/liveRedis.ts";

const { T, liveTest } = liveRedisCluster(
  "conformance: rediscluster",
  { replicas: false },
  async ({ addrs }) => ({ addrs }),
);

conformanceTests(
  liveTest,
  ({ addrs }) => NewStore(10, addrs, "", null, Buffer.from("secret")),
  (store) => (store as Store).Close(),
);

T.run();
