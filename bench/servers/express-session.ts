/**
 * express-session with its default MemoryStore on Express 5: the usual Node session setup
 * (`resave: false`, `saveUninitialized: false`), counting in `req.session.count`.
 */
import express from "express";
import session from "express-session";
import { secret } from "./shared/keys.ts";
import { announce, COUNTER_PATH, HOST } from "./shared/listen.ts";

declare module "express-session" {
  interface SessionData {
    count: number;
  }
}

const app = express();
app.use(
  session({ secret, resave: false, saveUninitialized: false, store: new session.MemoryStore() }),
);
app.get(COUNTER_PATH, (req, res) => {
  const count = (req.session.count ?? 0) + 1;
  req.session.count = count;
  res.json({ count });
});
const server = app.listen(0, HOST, () => announce(server));
