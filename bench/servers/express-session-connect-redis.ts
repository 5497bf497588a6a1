/**
 * express-session with connect-redis 9 (on its node-redis client) on Express 5: the usual Node
 * Redis session setup, counting in `req.session.count`.
 */
import { RedisStore } from "connect-redis";
import express from "express";
import session from "express-session";
import { createClient } from "redis";
import { secret } from "./shared/keys.ts";
import { announce, COUNTER_PATH, HOST, requireEnv } from "./shared/listen.ts";

declare module "express-session" {
  interface SessionData {
    count: number;
  }
}

const client = createClient({ url: `redis://${requireEnv("BENCH_REDIS_ADDR")}` });
await client.connect();

const app = express();
app.use(
  session({
    secret,
    resave: false,
    saveUninitialized: false,
    store: new RedisStore({ client, prefix: "connect_" }),
  }),
);
app.get(COUNTER_PATH, (req, res) => {
  const count = (req.session.count ?? 0) + 1;
  req.session.count = count;
  res.json({ count });
});
const server = app.listen(0, HOST, () => announce(server));
