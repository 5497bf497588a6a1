/**
 * hertz-sessions with the Redis store and compare-and-set on (`SetCompareAndSet(true)`): every
 * Save() is one Lua script (GET, compare with the bytes loaded, SETEX) instead of SETEX.
 */
import { GetRedisStore, NewStore } from "../../src/redis/index.ts";
import { listenCounter } from "./shared/hertzCounter.ts";
import { hashKey32 } from "./shared/keys.ts";
import { requireEnv } from "./shared/listen.ts";

const store = await NewStore(10, "tcp", requireEnv("BENCH_REDIS_ADDR"), "", hashKey32);
GetRedisStore(store).SetCompareAndSet(true);
listenCounter(store);
