/**
 * The two services of the cookie-store interop tests, sharing keys: the Go peer
 * (compat/cmd/peer, a real Hertz service on hertz-contrib/sessions' cookie.NewStore) and the
 * demo app (examples/app.ts on this package's cookie store), plus the calls a test makes
 * through one cookie jar, as a browser going back and forth between the two would.
 *
 *   const sides = await startSides(KEYS);
 *   if (!sides) return; // Go is not installed
 *   const jar = new CookieJar();
 *   await sides.get(jar, "go", "/login?user=ann");
 *   await sides.goDump(jar); // Map of key → { t: Go type, v: value }
 */
import * as assert from "uvu/assert";
import { createApp } from "../../examples/app.ts";
import { NewStore } from "../../src/cookie/index.ts";
import type { CookieJar } from "../support/cookieJar.ts";
import { type Peer, startPeer } from "../support/peer.ts";
import { type Served, serve } from "../support/serve.ts";

/** A securecookie key pair as the peer's flags take it (text keys). */
export interface KeyPair {
  hash: string;
  /** AES key (16, 24 or 32 bytes), or none. */
  block?: string;
}

/** The keys of the interop tests: an HMAC key and an AES-256 block key. */
export const KEYS: KeyPair = {
  hash: "interop hash key, shared by Go and Node",
  block: "0123456789abcdef0123456789abcdef",
};

/** A value as compat/tjson prints it: its Go type (`%T`) and value. */
export interface Typed {
  t: string;
  v?: unknown;
}

export type SideName = "go" | "node";

export interface Reply {
  status: number;
  body: unknown;
}

export interface Sides {
  peer: Peer;
  node: Served;
  url(side: SideName): string;
  /** GET `path` on `side` through `jar`: status and JSON body. */
  get(jar: CookieJar, side: SideName, path: string): Promise<Reply>;
  /** The Set-Cookie headers of GET `path` on `side` through `jar`. */
  setCookies(jar: CookieJar, side: SideName, path: string): Promise<string[]>;
  /** The Go peer's /dump (no Save): session values by string key, with their Go types. */
  goDump(jar: CookieJar): Promise<Map<string, Typed>>;
  /** The demo app's /dump (no Save): session values by string key, as JSON. */
  nodeDump(jar: CookieJar): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

/** The peer's flags for `keys`. */
export function peerArgs(keys: KeyPair): string[] {
  const args = ["-store", "cookie", "-hash-key", keys.hash];
  if (keys.block) args.push("-block-key", keys.block);
  return args;
}

/** Key pairs in securecookie's `CodecsFromPairs` order, as `NewStore` takes them. */
export function storeKeys(...pairs: KeyPair[]): (Uint8Array | null)[] {
  return pairs.flatMap((p) => [Buffer.from(p.hash), p.block ? Buffer.from(p.block) : null]);
}

/** The entries of a tjson map, keyed by their (string) keys. */
export function typedEntries(dump: Typed): Map<string, Typed> {
  assert.is(dump.t, "map[interface {}]interface {}");
  const out = new Map<string, Typed>();
  for (const [k, v] of (dump.v ?? []) as Array<[Typed, Typed]>) {
    assert.is(k.t, "string", "session keys are strings");
    out.set(String(k.v), v);
  }
  return out;
}

/**
 * Starts the Go peer with `goKeys` and the demo app with the key pairs `nodeKeys` (newest
 * first); resolves null when Go is not installed.
 */
export async function startSides(
  goKeys: KeyPair,
  nodeKeys: KeyPair[] = [goKeys],
): Promise<Sides | null> {
  const peer = await startPeer(peerArgs(goKeys));
  if (!peer) return null;
  const node = await serve(createApp(NewStore(...storeKeys(...nodeKeys)), "mysession"));
  const url = (side: SideName) => (side === "go" ? peer.url : node.url);
  const get = async (jar: CookieJar, side: SideName, path: string): Promise<Reply> => {
    const res = await jar.fetch(`${url(side)}${path}`);
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: keep the text for the assertion message.
    }
    return { status: res.status, body };
  };
  return {
    peer,
    node,
    url,
    get,
    async setCookies(jar, side, path) {
      const r = await get(jar, side, path);
      assert.is(r.status, 200, `${side} ${path}: ${JSON.stringify(r.body)}`);
      return jar.lastSetCookie;
    },
    async goDump(jar) {
      const r = await get(jar, "go", "/dump");
      assert.is(r.status, 200, JSON.stringify(r.body));
      return typedEntries(r.body as Typed);
    },
    async nodeDump(jar) {
      const r = await get(jar, "node", "/dump");
      assert.is(r.status, 200, JSON.stringify(r.body));
      return r.body as Record<string, unknown>;
    },
    async stop() {
      await node.close();
      await peer.stop();
    },
  };
}
