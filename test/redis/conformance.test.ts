/**
 * The store-agnostic suite (hertz-contrib's tester.go) on the Redis store, over a real
 * redis-server.
 */
import { GetRedisStore, NewStore } from "../../src/redis/index.ts";
import { conformanceTests } from "../support/conformance.ts";
import { liveRedis } from "../support/liveRedis.ts";

const { T, liveTest } = liveRedis("conformance: redis", async ({ addr }) => ({ addr }));

conformanceTests(
  liveTest,
  ({ addr }) => NewStore(10, "tcp", addr, "", Buffer.from("secret")),
  (store) => GetRedisStore(store).Close(),
);

T.run();
