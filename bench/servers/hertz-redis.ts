/**
 * hertz-sessions with the Redis store, as a Hertz service would configure it:
 * `New("mysession", redis.NewStore(10, "tcp", addr, "", hashKey))` (gob values under
 * `session_<id>`, SETEX on every Save()).
 */
import { createServer } from "node:http";
import { Default, New } from "../../src/index.ts";
import { NewStore } from "../../src/redis/index.ts";
import { hashKey32 } from "./shared/keys.ts";
import { listen, requireEnv } from "./shared/listen.ts";
import { sendCount, sendError } from "./shared/sendCount.ts";

const store = await NewStore(10, "tcp", requireEnv("BENCH_REDIS_ADDR"), "", hashKey32);
const mw = New("mysession", store);

listen(
  createServer((req, res) =>
    mw(req, res, async () => {
      try {
        const s = Default(req);
        const count = ((s.Get("count") as number | undefined) ?? 0) + 1;
        s.Set("count", count);
        await s.Save();
        sendCount(res, count);
      } catch (err) {
        sendError(res, err);
      }
    }),
  ),
);
