/**
 * Redis baseline: a bare `node:http` handler doing what any Redis-backed session must, and
 * nothing more: one ioredis GET and one SET (with a TTL) per request, keyed by a random id in a
 * plain cookie. A request without the cookie skips the GET, as the session stores do.
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { Redis } from "ioredis";
import { listen, requireEnv } from "./shared/listen.ts";
import { readCookie } from "./shared/readCookie.ts";
import { sendCount, sendError } from "./shared/sendCount.ts";

const COOKIE = "sid";
const [host, port] = requireEnv("BENCH_REDIS_ADDR").split(":");
const redis = new Redis({ host, port: Number(port) });

listen(
  createServer(async (req, res) => {
    try {
      let sid = readCookie(req, COOKIE);
      let count = 1;
      if (sid) {
        count = Number((await redis.get(`bare_${sid}`)) ?? 0) + 1;
      } else {
        sid = randomBytes(16).toString("hex");
        res.setHeader("set-cookie", `${COOKIE}=${sid}; Path=/; Max-Age=1200; HttpOnly`);
      }
      await redis.set(`bare_${sid}`, String(count), "EX", 1200);
      sendCount(res, count);
    } catch (err) {
      sendError(res, err);
    }
  }),
);
