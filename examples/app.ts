/**
 * The demo app: login, home (a visit counter and flash messages), logout, on the cookie
 * store or, when configured, the Redis or Redis Cluster store; modelled on
 * hertz-contrib/sessions v1.0.3 `_example/`. The Go peer (compat/cmd/peer) serves the same
 * routes, so one browser (or cookie jar) can go back and forth between the two with the same
 * keys (and, on Redis, the same Redis).
 *
 *   npm start                       # http://127.0.0.1:8080, cookie store
 *   PORT=9000 SESSION_HASH_KEY=k SESSION_BLOCK_KEY=0123456789abcdef npm start
 *   REDIS_ADDR=127.0.0.1:6379 npm start
 *   REDIS_URL=redis://:password@127.0.0.1:6379/0 npm start
 *   REDIS_CLUSTER=127.0.0.1:7000,127.0.0.1:7001 npm start
 *
 * Routes (JSON bodies; a failing Save answers 500 {"error": message}):
 *
 *   GET /login?user=NAME   Set("user", NAME); AddFlash("Welcome, NAME!")      → {"user": NAME}
 *   GET /home              no user → 401 {"error": "not logged in"}; else count + 1 (an int),
 *                          Flashes()                                 → {"user", "count", "flashes"}
 *   GET /incr              count + 1; a count that is no integer → 500  → {"count": n}
 *   GET /flash?msg=X       AddFlash(X)                                    → {"ok": true}
 *   GET /flashes           Flashes()                                      → {"flashes": [...]}
 *   GET /options?maxAge=N&path=P&domain=D&secure=1&httponly=1&samesite=default|lax|strict|none
 *                          Options({...}) (absent → zero value); Set("opts", N) → {"ok": true}
 *   GET /logout            Clear(); Options({Path: "/", MaxAge: -1})       → {"ok": true}
 *   GET /dump              the session values (string keys), no Save
 *   GET /id                {"id": ID()}, no Save
 *
 * Environment: PORT (8080), HOST (127.0.0.1), SESSION_HASH_KEY ("secret"), SESSION_BLOCK_KEY
 * (none; 16, 24 or 32 bytes for AES). The store, at most one of:
 *
 *   REDIS_ADDR      host:port, or a Unix socket path (redis.NewStore; password REDIS_PASSWORD)
 *   REDIS_URL       redis://[:password@]host[:port][/db] (redis.NewStoreWithDB when a db is given)
 *   REDIS_CLUSTER   host:port,host:port,... seed nodes (rediscluster.NewStore; REDIS_PASSWORD)
 *   none of them    the cookie store
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { NewStore } from "../src/cookie/index.ts";
import * as redis from "../src/redis/index.ts";
import * as rediscluster from "../src/rediscluster/index.ts";
import { Default } from "../src/sessions/defaultSession.ts";
import { New } from "../src/sessions/middleware.ts";
import { SameSite } from "../src/sessions/Options.ts";
import type { RequestSession } from "../src/sessions/RequestSession.ts";
import type { Session } from "../src/sessions/Session.ts";
import type { Store } from "../src/sessions/Store.ts";

type Route = (s: Session, query: URLSearchParams, res: ServerResponse) => Promise<void> | void;

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body, jsonValue);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

/** JSON for the values a session may hold (Go's encoding/json forms where JSON has none). */
function jsonValue(_key: string, v: unknown): unknown {
  if (typeof v === "bigint") return v.toString();
  if (v instanceof Uint8Array) return Buffer.from(v).toString("base64");
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [String(k), x]));
  return v;
}

/** Saves, then answers `body`; a failing Save answers 500 with its message. */
async function save(s: Session, res: ServerResponse, body: unknown): Promise<void> {
  try {
    await s.Save();
  } catch (err) {
    send(res, 500, { error: (err as Error).message });
    return;
  }
  send(res, 200, body);
}

const sameSites: Record<string, SameSite | undefined> = {
  "": undefined,
  default: SameSite.DefaultMode,
  lax: SameSite.LaxMode,
  strict: SameSite.StrictMode,
  none: SameSite.NoneMode,
};

/** Go's `strconv.Atoi` on the decimal text of an int. */
function atoi(v: string): number | undefined {
  return /^[+-]?\d+$/.test(v) && Number.isSafeInteger(Number(v)) ? Number(v) : undefined;
}

/** Go's `%T` for the few JavaScript values a count may be. */
function goTypeOf(v: unknown): string {
  if (typeof v === "number") return "float64";
  if (typeof v === "bigint") return "int64";
  return typeof v;
}

const routes: Record<string, Route> = {
  "/login": (s, q, res) => {
    const user = q.get("user") ?? "";
    s.Set("user", user);
    s.AddFlash(`Welcome, ${user}!`);
    return save(s, res, { user });
  },

  "/home": (s, _q, res) => {
    const user = s.Get("user");
    if (user === undefined || user === null) {
      send(res, 401, { error: "not logged in" });
      return;
    }
    const v = s.Get("count");
    const count = (Number.isInteger(v) ? (v as number) : 0) + 1;
    s.Set("count", count);
    const flashes = s.Flashes();
    return save(s, res, { user, count, flashes });
  },

  "/incr": (s, _q, res) => {
    const v = s.Get("count");
    if (v !== undefined && v !== null && !Number.isInteger(v)) {
      send(res, 500, { error: `count is <${goTypeOf(v)}>` });
      return;
    }
    const count = ((v as number | null | undefined) ?? 0) + 1;
    s.Set("count", count);
    return save(s, res, { count });
  },

  "/flash": (s, q, res) => {
    s.AddFlash(q.get("msg") ?? "");
    return save(s, res, { ok: true });
  },

  "/flashes": (s, _q, res) => save(s, res, { flashes: s.Flashes() }),

  "/options": (s, q, res) => {
    const maxAge = q.get("maxAge") ? atoi(q.get("maxAge")!) : 0;
    if (maxAge === undefined) {
      send(res, 400, { error: "bad maxAge" });
      return;
    }
    const sameSiteName = q.get("samesite") ?? "";
    if (!(sameSiteName in sameSites)) {
      send(res, 400, { error: "bad samesite" });
      return;
    }
    s.Options({
      Path: q.get("path") ?? "",
      Domain: q.get("domain") ?? "",
      MaxAge: maxAge,
      Secure: q.get("secure") === "1",
      HttpOnly: q.get("httponly") === "1",
      SameSite: sameSites[sameSiteName],
    });
    s.Set("opts", maxAge);
    return save(s, res, { ok: true });
  },

  "/logout": (s, _q, res) => {
    s.Clear();
    s.Options({ Path: "/", MaxAge: -1 });
    return save(s, res, { ok: true });
  },

  "/dump": (s, _q, res) => {
    const values = (s as RequestSession).Session().Values;
    const out: Record<string, unknown> = {};
    for (const [k, v] of values) if (typeof k === "string") out[k] = v;
    send(res, 200, out);
  },

  "/id": (s, _q, res) => send(res, 200, { id: s.ID() }),
};

/** The demo server (not listening) on `store`, with the session cookie `name`. */
export function createApp(store: Store, name = "mysession"): Server {
  const sessions = New(name, store);
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const route = req.method === "GET" ? routes[url.pathname] : undefined;
    if (route === undefined) {
      send(res, 404, { error: "not found" });
      return;
    }
    const done = sessions(req, res, () => route(Default(req), url.searchParams, res));
    Promise.resolve(done).catch((err: Error) => {
      if (!res.headersSent) send(res, 500, { error: err.message });
      else res.destroy(err);
    });
  });
}

/**
 * The store the environment asks for (see the header), with SESSION_HASH_KEY /
 * SESSION_BLOCK_KEY. The Redis stores connect first, so this rejects when Redis is unreachable.
 */
export async function storeFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<Store> {
  const hashKey = Buffer.from(env.SESSION_HASH_KEY ?? "secret");
  const keys = env.SESSION_BLOCK_KEY ? [hashKey, Buffer.from(env.SESSION_BLOCK_KEY)] : [hashKey];
  const password = env.REDIS_PASSWORD ?? "";
  const set = (["REDIS_URL", "REDIS_ADDR", "REDIS_CLUSTER"] as const).filter((k) => env[k]);
  if (set.length > 1) throw new Error(`set only one of ${set.join(", ")}`);
  if (env.REDIS_CLUSTER) {
    const addrs = env.REDIS_CLUSTER.split(",")
      .map((a) => a.trim())
      .filter(Boolean);
    return rediscluster.NewStore(10, addrs, password, null, ...keys);
  }
  if (env.REDIS_URL) {
    const url = parseRedisURL(env.REDIS_URL);
    return url.db === undefined
      ? redis.NewStore(10, "tcp", url.addr, url.password, ...keys)
      : redis.NewStoreWithDB(10, "tcp", url.addr, url.password, url.db, ...keys);
  }
  if (env.REDIS_ADDR) {
    const network = env.REDIS_ADDR.includes("/") ? "unix" : "tcp";
    return redis.NewStore(10, network, env.REDIS_ADDR, password, ...keys);
  }
  return NewStore(...keys);
}

/**
 * `redis://[:password@]host[:port][/db]`: the address, the password and the db, if any. The
 * stores send `AUTH password`, so a user name other than `default` is refused.
 */
function parseRedisURL(text: string): { addr: string; password: string; db?: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`REDIS_URL: not a URL: ${text}`);
  }
  if (url.protocol !== "redis:") {
    throw new Error(`REDIS_URL: only redis:// is supported, not ${url.protocol}//`);
  }
  if (url.username !== "" && url.username !== "default") {
    throw new Error(`REDIS_URL: user ${url.username}: only a password is supported`);
  }
  const db = url.pathname.replace(/^\//, "");
  return {
    addr: `${url.hostname}:${url.port || "6379"}`,
    password: decodeURIComponent(url.password),
    db: db === "" ? undefined : db,
  };
}

/** `npm start`: serves the demo on PORT/HOST until SIGINT or SIGTERM, then closes the store. */
async function main(): Promise<void> {
  const store = await storeFromEnv();
  const server = createApp(store);
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? "127.0.0.1";
  server.listen(port, host, () => {
    const { port: actual } = server.address() as AddressInfo;
    console.log(`LISTENING http://${host}:${actual}`);
  });
  const stop = () => {
    server.close();
    server.closeAllConnections();
    if (store instanceof redis.RediStore || store instanceof rediscluster.Store) void store.Close();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: Error) => {
    console.error(err.message);
    process.exitCode = 1;
  });
}
