/**
 * The Redis Cluster store's compare-and-set (`SetCompareAndSet(true)`) on a live 3-master
 * cluster: the script runs on the master of the session's slot; 200 concurrent `count + 1`
 * requests of one session end at exactly 200, from Node alone and with the Go peer (`-cas`,
 * compat/casstore on go-redis's cluster client) serving half of them.
 */
import { NewStore } from "../../src/rediscluster/index.ts";
import { twoHundredUpdates, twoHundredUpdatesWithGo } from "../support/counterService.ts";
import { liveRedisCluster } from "../support/liveRedis.ts";
import { hashKey } from "../support/storeCalls.ts";

const { T, liveTest } = liveRedisCluster(
  "rediscluster: compare-and-set",
  { replicas: false },
  async ({ addrs, defer }) => {
    const store = await NewStore(10, addrs, "", null, hashKey);
    defer(() => store.Close());
    store.SetCompareAndSet(true);
    return { addrs, store };
  },
);

liveTest("200 concurrent count+1 of one session end at exactly 200", ({ store }) =>
  twoHundredUpdates(store),
);

liveTest("with the Go peer serving half of them, too", ({ addrs, store }) =>
  twoHundredUpdatesWithGo(store, ["-store", "rediscluster", "-redis", addrs.join(",")]),
);

T.run();
