/**
 * The store-agnostic suite (hertz-contrib's tester.go) on the Redis store, over a real
 * redis-server (started on first use, stopped by the teardown suite).
 */
import { suite } from "uvu";
import { GetRedisStore, NewStore } from "../../src/redis/index.ts";
import { runConformance } from "../conformance/conformance.ts";
import { type RedisServer, startRedis } from "../support/redisServer.ts";
import { needTool } from "../support/tools.ts";

if (needTool("redis-server", "Redis store conformance")) {
  let server: Promise<RedisServer | null> | undefined;
  const redis = async () => {
    server ??= startRedis();
    const r = await server;
    if (!r) throw new Error("redis-server did not start");
    return r;
  };
  runConformance(
    "redis",
    async () => {
      const r = await redis();
      return NewStore(10, "tcp", `${r.host}:${r.port}`, "", Buffer.from("secret"));
    },
    (store) => GetRedisStore(store).Close(),
  );
  const teardown = suite("redis conformance: teardown");
  teardown("stop redis-server", async () => {
    await (await server)?.stop();
  });
  teardown.run();
}
