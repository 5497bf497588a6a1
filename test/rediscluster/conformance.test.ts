/**
 * The store-agnostic suite (hertz-contrib's tester.go) on the Redis Cluster store, over a
 * real 3-master cluster (started on first use, stopped by the teardown suite).
 */
import { suite } from "uvu";
import { NewStore, type Store } from "../../src/rediscluster/index.ts";
import { runConformance } from "../conformance/conformance.ts";
import { type RedisCluster, startRedisCluster } from "../support/redisServer.ts";
import { needTool } from "../support/tools.ts";

if (needTool("redis-server", "Redis Cluster store conformance")) {
  let started: Promise<RedisCluster | null> | undefined;
  const cluster = async () => {
    started ??= startRedisCluster({ replicas: false });
    const c = await started;
    if (!c) throw new Error("the Redis Cluster did not start");
    return c;
  };
  runConformance(
    "rediscluster",
    async () => {
      const addrs = (await cluster()).nodes.map((n) => `${n.host}:${n.port}`);
      return NewStore(10, addrs, "", null, Buffer.from("secret"));
    },
    (store) => (store as Store).Close(),
  );
  const teardown = suite("rediscluster conformance: teardown");
  teardown("stop the cluster", async () => {
    await (await started)?.stop();
  });
  teardown.run();
}
