/** The cluster Store's no-cookie fast path (`NewSession`): no Redis call and no await. */
import type { Cluster } from "ioredis";
import { Store } from "../../src/rediscluster/index.ts";
import { noCookieSuite } from "../support/noCookieSuite.ts";

noCookieSuite(
  "rediscluster/Store: no cookie",
  (client, key) => new Store(client as Cluster, key),
).run();
