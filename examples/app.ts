/**
 * The demo app: login, home (a visit counter and flash messages), logout, on the cookie
 * store, modelled on hertz-contrib/sessions v1.0.3 `_example/`. The Go peer
 * (compat/cmd/peer) serves the same routes, so one browser (or cookie jar) can go back and
 * forth between the two with the same keys.
 *
 *   npm start                       # http://127.0.0.1:8080
 *   PORT=9000 SESSION_HASH_KEY=k SESSION_BLOCK_KEY=0123456789abcdef npm start
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
 * (none; 16, 24 or 32 bytes for AES).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { NewStore } from "../src/cookie/index.ts";
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

/** The store the environment asks for: the cookie store with SESSION_HASH_KEY / SESSION_BLOCK_KEY. */
export function storeFromEnv(env: NodeJS.ProcessEnv = process.env): Store {
  const hashKey = Buffer.from(env.SESSION_HASH_KEY ?? "secret");
  const blockKey = env.SESSION_BLOCK_KEY ? Buffer.from(env.SESSION_BLOCK_KEY) : null;
  if (env.REDIS_URL || env.REDIS_ADDR) {
    // REDIS STORE GOES HERE: build a Redis store (src/redis) from REDIS_URL / REDIS_ADDR
    // with the same keys. Until then the demo refuses rather than silently using cookies.
    throw new Error("REDIS_URL/REDIS_ADDR is set, but this demo runs on the cookie store only");
  }
  return NewStore(hashKey, blockKey);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = createApp(storeFromEnv());
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? "127.0.0.1";
  server.listen(port, host, () => {
    const { port: actual } = server.address() as AddressInfo;
    console.log(`LISTENING http://${host}:${actual}`);
  });
}
