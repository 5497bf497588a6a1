/**
 * The soak server (bench/soak.ts): the README's `http.createServer` pattern with no
 * try/catch around Save, so every session error is the middleware's to handle. It registers
 * no `unhandledRejection` handler: one would end the process, which the driver sees.
 *
 *   SOAK_STORE = cookie | redis | rediscluster   SOAK_REDIS = host:port[,host:port...]
 *   SOAK_POLICY = new-session | fail            (Redis stores; default new-session)
 *
 * Routes: `/counter` (count + 1, Save, answer the count), `/stats` (RSS, errors logged).
 */
import { createServer } from "node:http";
import { NewStore as cookieStore } from "../../src/cookie/index.ts";
import { Default, New, SetLogger, type Store } from "../../src/index.ts";
import * as redis from "../../src/redis/index.ts";
import * as rediscluster from "../../src/rediscluster/index.ts";
import { hashKey32 } from "./shared/keys.ts";
import { listen } from "./shared/listen.ts";

let logged = 0;
SetLogger(() => {
  logged++;
});

async function store(): Promise<Store> {
  const policy = (process.env.SOAK_POLICY ?? "new-session") as redis.OutagePolicy;
  const addrs = (process.env.SOAK_REDIS ?? "").split(",");
  switch (process.env.SOAK_STORE) {
    case "redis": {
      const s = redis.GetRedisStore(await redis.NewStore(10, "tcp", addrs[0], "", hashKey32));
      s.SetOutagePolicy(policy);
      return s;
    }
    case "rediscluster": {
      const s = await rediscluster.NewStore(10, addrs, "", null, hashKey32);
      s.SetOutagePolicy(policy);
      return s;
    }
    default:
      return cookieStore(hashKey32);
  }
}

const mw = New("mysession", await store());
listen(
  createServer((req, res) => {
    if (req.url === "/stats") {
      res.end(JSON.stringify({ rss: process.memoryUsage.rss(), logged }));
      return;
    }
    mw(req, res, async () => {
      const s = Default(req);
      const count = ((s.Get("count") as number | undefined) ?? 0) + 1;
      s.Set("count", count);
      await s.Save();
      res.end(String(count));
    });
  }),
);
