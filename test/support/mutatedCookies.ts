/**
 * Mutated and random cookies through the middleware, in process (fake requests, no server):
 * the cookie store with every key size (HMAC only, AES-128/192/256), and the Redis store (on an in-memory client) with each serializer, whose stored
 * values are mutated too. Every request must end as a decoded session or a new one: no throw,
 * no rejection, and a decoded cookie-store session holds exactly the values it was saved
 * with (the MAC guarantees it). Used by test/sessions/mutatedCookies.test.ts (a few thousand)
 * and bench/soak.ts (a million).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Redis } from "ioredis";
import { CookieStore } from "../../src/cookie/CookieStore.ts";
import { RediStore } from "../../src/redis/RediStore.ts";
import { GobSerializer } from "../../src/serializers/GobSerializer.ts";
import { JSONSerializer } from "../../src/serializers/JSONSerializer.ts";
import { MsgpackSerializer } from "../../src/serializers/MsgpackSerializer.ts";
import type { SessionSerializer as Serializer } from "../../src/serializers/SessionSerializer.ts";
import { Default } from "../../src/sessions/defaultSession.ts";
import { GorillaSession } from "../../src/sessions/GorillaSession.ts";
import { SetLogger } from "../../src/sessions/logger.ts";
import { New } from "../../src/sessions/middleware.ts";
import type { RequestSession } from "../../src/sessions/RequestSession.ts";
import type { Store } from "../../src/sessions/Store.ts";

/** A seeded PRNG (mulberry32): the same seed, the same cookies. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, n: number) => Math.floor(r() * n);
const bytes = (r: Rand, n: number) => Uint8Array.from({ length: n }, () => int(r, 256));

/** A small in-memory stand-in for the ioredis client: GET, SETEX, DEL. */
class MemoryClient {
  status = "ready";
  data = new Map<string, Buffer>();
  async getBuffer(key: string) {
    return this.data.get(key) ?? null;
  }
  async setex(key: string, _s: number, value: Buffer) {
    this.data.set(key, Buffer.from(value));
    return "OK";
  }
  async del(key: string) {
    return this.data.delete(key) ? 1 : 0;
  }
  async ping() {
    return "PONG";
  }
  async quit() {
    return "OK";
  }
  disconnect() {}
  once() {}
}

/** Session values with string keys (JSON and msgpack need them) of every common kind. */
function randomValues(r: Rand): Map<unknown, unknown> {
  const m = new Map<unknown, unknown>();
  const n = 1 + int(r, 4);
  for (let i = 0; i < n; i++) {
    const k = `k${i}`;
    switch (int(r, 6)) {
      case 0:
        m.set(k, int(r, 1e6) - 5e5);
        break;
      case 1:
        m.set(k, `v${int(r, 1e9)}é`);
        break;
      case 2:
        m.set(k, r() < 0.5);
        break;
      case 3:
        m.set(k, [int(r, 100), "x", [1, 2]]);
        break;
      case 4:
        m.set(k, { a: int(r, 10), b: "y" });
        break;
      default:
        m.set(k, r() * 1000 + 0.5);
    }
  }
  return m;
}

const b64 =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=|+/ %\"';,\\\u00e9\u0000";

/** One mutation of `s` (or, now and then, something unrelated to it). */
export function mutate(r: Rand, s: string): string {
  const at = int(r, s.length + 1);
  switch (int(r, 12)) {
    case 0: // one character replaced
      return s.slice(0, at) + b64[int(r, b64.length)] + s.slice(at + 1);
    case 1: // one character inserted
      return s.slice(0, at) + b64[int(r, b64.length)] + s.slice(at);
    case 2: // one character removed
      return s.slice(0, at) + s.slice(at + 1);
    case 3: // truncated
      return s.slice(0, at);
    case 4: {
      // a bit flipped inside the base64 payload, re-encoded (the MAC must refuse it)
      const raw = Buffer.from(s, "base64url");
      if (raw.length === 0) return s;
      raw[int(r, raw.length)] ^= 1 << int(r, 8);
      return raw.toString("base64url");
    }
    case 5: {
      // the three parts (date|value|mac) shuffled or one dropped
      const parts = Buffer.from(s, "base64url").toString("latin1").split("|");
      if (r() < 0.5) parts.splice(int(r, parts.length), 1);
      else parts.reverse();
      return Buffer.from(parts.join("|"), "latin1").toString("base64url");
    }
    case 6: // the date replaced (too new, expired, not a number)
      return Buffer.from(
        Buffer.from(s, "base64url")
          .toString("latin1")
          .replace(/^\d+/, ["0", "99999999999", "-1", "1e9", ""][int(r, 5)]),
        "latin1",
      ).toString("base64url");
    case 7: // random base64
      return Buffer.from(bytes(r, int(r, 300))).toString("base64url");
    case 8: // random bytes, any characters
      return Buffer.from(bytes(r, int(r, 200))).toString("latin1");
    case 9: // longer than any codec accepts
      return s.repeat(2 + int(r, 3)) + "A".repeat(4096);
    case 10: // doubled, or quoted
      return r() < 0.5 ? s + s : `"${s}"`;
    default:
      return mutate(r, mutate(r, s));
  }
}

/** One mutation of a stored value (Redis holds untrusted bytes too). */
function mutateBytes(r: Rand, b: Buffer): Buffer {
  const out = Buffer.from(b);
  switch (int(r, 5)) {
    case 0:
      if (out.length > 0) out[int(r, out.length)] ^= 1 << int(r, 8);
      return out;
    case 1:
      return out.subarray(0, int(r, out.length + 1));
    case 2:
      return Buffer.concat([out, Buffer.from(bytes(r, 1 + int(r, 16)))]);
    case 3:
      return Buffer.from(bytes(r, int(r, 64)));
    default:
      if (out.length > 0) out[int(r, out.length)] = [0xff, 0x00, 0x7f, 0xdc, 0xdd][int(r, 5)];
      return out;
  }
}

interface Config {
  label: string;
  store: Store;
  /** The Redis store's in-memory client (absent for the cookie store). */
  client?: MemoryClient;
  /** Valid cookies and the values each was saved with. */
  pool: Array<{ cookie: string; values: Map<unknown, unknown>; key?: string }>;
}

const hashKey = Buffer.from("0123456789abcdef0123456789abcdef");
const blockKeys: Array<[string, Buffer | null]> = [
  ["HMAC only", null],
  ["AES-128", Buffer.from("0123456789abcdef")],
  ["AES-192", Buffer.from("0123456789abcdef01234567")],
  ["AES-256", Buffer.from("0123456789abcdef0123456789abcdef")],
];

/** A response that only records headers (Save appends Set-Cookie). */
function fakeRes(): ServerResponse & { cookies: string[] } {
  const cookies: string[] = [];
  return {
    cookies,
    headersSent: false,
    hasHeader: () => cookies.length > 0,
    setHeader: (_n: string, v: string | string[]) => {
      cookies.splice(0, cookies.length, ...(Array.isArray(v) ? v : [v]));
    },
    appendHeader: (_n: string, v: string) => {
      cookies.push(v);
    },
  } as unknown as ServerResponse & { cookies: string[] };
}

const name = "s";

async function buildPool(r: Rand, store: Store, n: number): Promise<Config["pool"]> {
  const pool: Config["pool"] = [];
  for (let i = 0; i < n; i++) {
    const values = randomValues(r);
    const session = GorillaSession.New(store, name, new Map(values));
    session.Options = { Path: "/", MaxAge: 3600 };
    const res = fakeRes();
    await store.Save({ headers: {} } as IncomingMessage, res, session);
    const cookie = res.cookies[0].split(";")[0].slice(name.length + 1);
    pool.push({ cookie, values, key: session.ID === "" ? undefined : `session_${session.ID}` });
  }
  return pool;
}

/** Every store configuration, each with a pool of valid cookies. */
export async function configs(seed = 1): Promise<Config[]> {
  const r = prng(seed);
  const out: Config[] = [];
  for (const [label, block] of blockKeys) {
    // (gorilla's cookie store cannot use securecookie's JSONEncoder: Go's json refuses the
    // map[interface {}]interface {} of the values, so the cookie store is gob only.)
    const cookieStore = new CookieStore(hashKey, block);
    out.push({
      label: `cookie ${label}`,
      store: cookieStore,
      pool: await buildPool(r, cookieStore, 16),
    });
    const serializers: Array<[string, Serializer]> = [
      ["gob", new GobSerializer()],
      ["JSON", new JSONSerializer()],
      ["msgpack", new MsgpackSerializer()],
    ];
    for (const [sname, serializer] of serializers) {
      const client = new MemoryClient();
      const store = new RediStore(client as unknown as Redis, hashKey, block);
      store.SetSerializer(serializer);
      out.push({
        label: `redis ${label} ${sname}`,
        store,
        client,
        pool: await buildPool(r, store, 16),
      });
    }
  }
  return out;
}

export interface FuzzStats {
  requests: number;
  decoded: number;
  fresh: number;
  /** Requests that threw, rejected, or decoded a cookie-store session to other values. */
  failures: string[];
  unhandled: number;
}

function sameValues(a: Map<unknown, unknown>, b: Map<unknown, unknown>): boolean {
  return JSON.stringify([...a]) === JSON.stringify([...b]);
}

/**
 * Sends `count` requests, each with a valid, mutated or random cookie (and, for the Redis
 * store, now and then a mutated stored value), through `New(name, store)`.
 */
export async function fuzz(count: number, seed = 7): Promise<FuzzStats> {
  const all = await configs(seed);
  const r = prng(seed ^ 0x5eed);
  const stats: FuzzStats = { requests: 0, decoded: 0, fresh: 0, failures: [], unhandled: 0 };
  const onUnhandled = () => {
    stats.unhandled++;
  };
  process.on("unhandledRejection", onUnhandled);
  const previous = SetLogger(() => {});
  const mws = all.map((c) => New(name, c.store));
  try {
    for (let i = 0; i < count; i++) {
      const ci = i % all.length;
      const c = all[ci];
      const entry = c.pool[int(r, c.pool.length)];
      const roll = r();
      let cookie = entry.cookie;
      let stored: Buffer | undefined;
      if (roll < 0.1) {
        // a valid cookie, unchanged
      } else if (c.client !== undefined && entry.key !== undefined && roll < 0.3) {
        stored = c.client.data.get(entry.key);
        c.client.data.set(entry.key, mutateBytes(r, stored!));
      } else {
        cookie = mutate(r, cookie);
      }
      const req = { headers: { cookie: `${name}=${cookie}` } } as IncomingMessage;
      let outcome: "decoded" | "fresh" | undefined;
      try {
        await mws[ci](req, fakeRes(), () => {
          const s = (Default(req) as RequestSession).Session();
          outcome = s.IsNew ? "fresh" : "decoded";
          if (
            outcome === "decoded" &&
            stored === undefined &&
            cookie !== entry.cookie &&
            c.client === undefined &&
            !sameValues(s.Values, entry.values)
          ) {
            stats.failures.push(`${c.label}: a changed cookie decoded to other values: ${cookie}`);
          }
        });
      } catch (e) {
        stats.failures.push(`${c.label}: ${(e as Error).stack ?? e} (cookie ${cookie})`);
      } finally {
        if (stored !== undefined) c.client!.data.set(entry.key!, stored);
      }
      if (cookie === entry.cookie && stored === undefined && outcome !== "decoded") {
        stats.failures.push(`${c.label}: a valid cookie gave ${outcome ?? "nothing"}`);
      }
      stats.requests++;
      if (outcome === "decoded") stats.decoded++;
      else if (outcome === "fresh") stats.fresh++;
      else stats.failures.push(`${c.label}: next() never ran (cookie ${cookie})`);
      if (stats.failures.length > 20) break;
    }
    // Rejections are reported a tick later.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    SetLogger(previous);
    process.off("unhandledRejection", onUnhandled);
  }
  return stats;
}
