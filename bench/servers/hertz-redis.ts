/**
 * hertz-sessions with the Redis store, as a Hertz service would configure it:
 * `New("mysession", redis.NewStore(10, "tcp", addr, "", hashKey))` (gob values under
 * `session_<id>`, SETEX on every Save()).
 */
import { NewStore } from "../../src/redis/index.ts";
import { listenCounter } from "./shared/hertzCounter.ts";
import { hashKey32 } from "./shared/keys.ts";
import { requireEnv } from "./shared/listen.ts";

listenCounter(await NewStore(10, "tcp", requireEnv("BENCH_REDIS_ADDR"), "", hashKey32));
