/**
 * One cookie jar bounced between the Go peer (compat/cmd/peer: Hertz + hertz-contrib/sessions
 * on cookie.NewStore) and the demo app (examples/app.ts on this cookie store), same keys:
 * each side reads what the other wrote, with Go's types intact, and a bad cookie is logged
 * with the same message on both sides.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createApp } from "../../examples/app.ts";
import { NewStore } from "../../src/cookie/index.ts";
import { SetLogger } from "../../src/sessions/logger.ts";
import { CookieJar, parseSetCookie } from "../support/cookieJar.ts";
import { type Peer, startPeer } from "../support/peer.ts";
import { serve } from "../support/serve.ts";

interface Side {
  url: string;
  close(): Promise<void>;
}

function bounce(label: string, hashKey: string, blockKey?: string) {
  const t = suite(`cookie store vs Go peer: ${label}`);
  let peer: Peer | null = null;
  let node: Side | null = null;

  t.before(async () => {
    const args = ["-store", "cookie", "-hash-key", hashKey];
    if (blockKey) args.push("-block-key", blockKey);
    peer = await startPeer(args);
    if (!peer) return;
    const store = NewStore(Buffer.from(hashKey), blockKey ? Buffer.from(blockKey) : null);
    node = await serve(createApp(store));
  });

  t.after(async () => {
    await node?.close();
    await peer?.stop();
  });

  async function get(jar: CookieJar, side: "go" | "node", path: string) {
    const base = side === "go" ? peer!.url : node!.url;
    const res = await jar.fetch(`${base}${path}`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  t(
    "login on Go, home on Node, home on Go, incr on both, flashes across, logout on Go",
    async () => {
      if (!peer) return;
      const jar = new CookieJar();
      assert.equal(await get(jar, "go", "/login?user=ann"), { status: 200, body: { user: "ann" } });
      assert.equal(await get(jar, "node", "/home"), {
        status: 200,
        body: { user: "ann", count: 1, flashes: ["Welcome, ann!"] },
      });
      assert.equal(await get(jar, "go", "/home"), {
        status: 200,
        body: { user: "ann", count: 2, flashes: [] },
      });
      // Go's /incr answers 500 unless count is a Go int: Node must have stored an int.
      assert.equal(await get(jar, "node", "/incr"), { status: 200, body: { count: 3 } });
      assert.equal(await get(jar, "go", "/incr"), { status: 200, body: { count: 4 } });
      assert.equal(await get(jar, "node", "/incr"), { status: 200, body: { count: 5 } });
      assert.equal(await get(jar, "node", "/flash?msg=from%20node"), {
        status: 200,
        body: { ok: true },
      });
      assert.equal(await get(jar, "go", "/flash?msg=from%20go"), {
        status: 200,
        body: { ok: true },
      });
      assert.equal(await get(jar, "go", "/flashes"), {
        status: 200,
        body: { flashes: ["from node", "from go"] },
      });
      assert.equal(await get(jar, "go", "/logout"), { status: 200, body: { ok: true } });
      assert.is(jar.get("mysession"), undefined);
      assert.equal(await get(jar, "node", "/home"), {
        status: 401,
        body: { error: "not logged in" },
      });
    },
  );

  t("Go reads Node's values with their Go types (GET /dump on the peer)", async () => {
    if (!peer) return;
    const jar = new CookieJar();
    await get(jar, "node", "/login?user=bob");
    await get(jar, "node", "/home");
    await get(jar, "node", "/options?maxAge=600&path=/");
    const dump = (await get(jar, "go", "/dump")).body as { t: string; v: [unknown, unknown][] };
    assert.is(dump.t, "map[interface {}]interface {}");
    const types = Object.fromEntries(
      dump.v.map(([k, v]) => [(k as { v: string }).v, (v as { t: string }).t]),
    );
    assert.equal(types, { user: "string", count: "int", opts: "int" });
  });

  t("the same options give the same cookie attributes on both sides", async () => {
    if (!peer) return;
    const query =
      "/options?maxAge=600&path=/&domain=example.com&secure=1&httponly=1&samesite=strict";
    const attrs = async (side: "go" | "node") => {
      const jar = new CookieJar();
      await get(jar, side, query);
      const c = parseSetCookie(jar.lastSetCookie[0]);
      return {
        path: c.path,
        domain: c.domain,
        maxAge: c.maxAge,
        secure: c.secure,
        httpOnly: c.httpOnly,
        sameSite: c.sameSite,
      };
    };
    assert.equal(await attrs("node"), await attrs("go"));
  });

  t("a tampered cookie: a new session on both sides, logged with Go's message", async () => {
    if (!peer) return;
    const jar = new CookieJar();
    await get(jar, "go", "/login?user=eve");
    const good = jar.get("mysession")!;
    jar.set(
      "mysession",
      `${good.slice(0, 10)}${good.slice(10, 11) === "A" ? "B" : "A"}${good.slice(11)}`,
    );
    const lines: string[] = [];
    const previous = SetLogger((m) => lines.push(m));
    try {
      const before = peer!.stderr().length;
      assert.equal(await get(jar, "node", "/home"), {
        status: 401,
        body: { error: "not logged in" },
      });
      assert.equal(await get(jar, "go", "/home"), {
        status: 401,
        body: { error: "not logged in" },
      });
      const goLog = peer!.stderr().slice(before);
      const m = /\[sessions\] ERROR! (.*)\n/.exec(goLog);
      assert.ok(m, `Go logged the error: ${goLog}`);
      assert.equal(lines, [`[sessions] ERROR! ${m![1]}\n`]);
    } finally {
      SetLogger(previous);
    }
  });

  return t;
}

bounce("hash key only", "secret").run();
bounce("hash + AES-256 block key", "another secret", "0123456789abcdef0123456789abcdef").run();
