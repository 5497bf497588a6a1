/**
 * @fastify/secure-session on Fastify 5: the whole session lives in a libsodium secretbox cookie,
 * the closest Node counterpart of a securecookie cookie store.
 */
import secureSession from "@fastify/secure-session";
import Fastify from "fastify";
import { blockKey32 } from "./shared/keys.ts";
import { announce, COUNTER_PATH, HOST } from "./shared/listen.ts";

declare module "@fastify/secure-session" {
  interface SessionData {
    count: number;
  }
}

const app = Fastify({ logger: false });
await app.register(secureSession, {
  key: blockKey32,
  cookieName: "session",
  cookie: { path: "/", httpOnly: true, maxAge: 2592000 },
});
app.get(COUNTER_PATH, async (req) => {
  const count = (req.session.get("count") ?? 0) + 1;
  req.session.set("count", count);
  return { count };
});
await app.listen({ host: HOST, port: 0 });
announce(app.server);
