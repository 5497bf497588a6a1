/**
 * Set-Cookie headers against Go's `sessions.NewCookie(...).String()`
 * (test/vectors/setcookie.json, written by compat/cmd/vectors/setcookie.go), and against Go
 * itself for random names, values and options (compat/cmd/gocodec, ops in cookieheader.go).
 */
import { readFileSync } from "node:fs";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { appendSetCookie, newCookie } from "../../src/sessions/cookieHeader.ts";
import { SetLogger } from "../../src/sessions/logger.ts";
import type { Options, SameSite } from "../../src/sessions/Options.ts";
import { captureLog } from "../support/captureLog.ts";
import { GoCodec } from "../support/gocodec.ts";

interface NewCookieCase {
  name: string;
  value: string;
  options: Required<Omit<Options, "SameSite">> & { SameSite: number };
  nowMs: number;
  header: string;
  log: string[];
}

const vectors = JSON.parse(
  readFileSync(new URL("../vectors/setcookie.json", import.meta.url), "utf8"),
) as { newCookie: NewCookieCase[] };

function optionsOf(c: NewCookieCase): Options {
  const { SameSite: sameSite, ...rest } = c.options;
  return sameSite === 0 ? rest : { ...rest, SameSite: sameSite as SameSite };
}

test("the vectors cover every attribute", () => {
  const all = vectors.newCookie.map((c) => c.header).join("\n");
  for (const attr of ["Path=", "Domain=", "Expires=", "Max-Age=0", "HttpOnly", "Secure"]) {
    assert.ok(all.includes(attr), attr);
  }
  for (const s of ["None", "Lax", "Strict"]) assert.ok(all.includes(`SameSite=${s}`), s);
  assert.ok(
    vectors.newCookie.some((c) => c.header === ""),
    "a name Go refuses",
  );
  assert.ok(vectors.newCookie.length > 80);
});

// The vectors' logs are checked by the test after these two.
test("newCookie equals Go attribute by attribute", () => {
  captureLog(() => {
    for (const c of vectors.newCookie) {
      const got = newCookie(c.name, c.value, optionsOf(c), c.nowMs);
      assert.equal(got.split("; "), c.header.split("; "), JSON.stringify(c));
    }
  });
});

test("newCookie equals Go as full strings", () => {
  captureLog(() => {
    for (const c of vectors.newCookie) {
      assert.is(newCookie(c.name, c.value, optionsOf(c), c.nowMs), c.header, JSON.stringify(c));
    }
  });
});

test("newCookie logs what Go's net/http logs while writing the header (dropped bytes, domain)", () => {
  const logged: string[] = [];
  const previous = SetLogger((message) => logged.push(message));
  try {
    for (const c of vectors.newCookie) {
      logged.length = 0;
      newCookie(c.name, c.value, optionsOf(c), c.nowMs);
      assert.equal(logged, c.log, JSON.stringify(c));
    }
  } finally {
    SetLogger(previous);
  }
  assert.ok(vectors.newCookie.filter((c) => c.log.length > 0).length > 10);
});

test("Expires follows the clock given, and the real clock by default", () => {
  const opts = { Path: "/", MaxAge: 60 };
  assert.match(newCookie("a", "b", opts, 0), "Expires=Thu, 01 Jan 1970 00:01:00 GMT");
  assert.match(newCookie("a", "b", opts, 999), "Expires=Thu, 01 Jan 1970 00:01:00 GMT");
  assert.match(newCookie("a", "b", opts, 1000), "Expires=Thu, 01 Jan 1970 00:01:01 GMT");
  const expected = new Date(Math.floor(Date.now() / 1000) * 1000 + 60_000).toUTCString();
  const got = newCookie("a", "b", opts);
  const next = new Date(Math.floor(Date.now() / 1000) * 1000 + 60_000).toUTCString();
  assert.ok(got.includes(expected) || got.includes(next), got);
});

test("appendSetCookie keeps the headers already set and ignores an empty one", async () => {
  const server = createServer((_req, res) => {
    res.setHeader("Set-Cookie", "other=1");
    appendSetCookie(res, "a=1; Path=/");
    appendSetCookie(res, "");
    appendSetCookie(res, "b=2");
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  const headers = await new Promise<string[] | undefined>((resolve, reject) => {
    request({ host: "127.0.0.1", port }, (res) => {
      res.resume();
      resolve(res.headers["set-cookie"]);
    })
      .on("error", reject)
      .end();
  });
  server.close();
  assert.equal(headers, ["other=1", "a=1; Path=/", "b=2"]);
});

let go: GoCodec | null = null;
test.before(() => {
  go = GoCodec.start();
});
test.after(() => {
  go?.close();
});

test("random names, values and options: newCookie writes and logs what Go does", async () => {
  if (!go) return;
  const text = (chars: string, maxLength: number) =>
    fc.array(fc.constantFrom(...chars), { maxLength }).map((cs) => cs.join(""));
  // Characters that matter to the rules: tokens, separators, quotes, spaces, dots, digits,
  // brackets and colons (IP literals), hyphens and underscores (domains), non-ASCII.
  const special = ` ,;"\\=\t\x7f.-_:[]ü€😀`;
  const name = fc.oneof(fc.constant("mysession"), text(`ab!#'${special}`, 6));
  const value = text(`aZ09+/=-${special}`, 12);
  const path = fc.oneof(fc.constant("/"), text(`/ab${special}`, 8));
  const label = fc.oneof(
    text("ab0-_ü", 5),
    fc.constant("a".repeat(63)),
    fc.constant("a".repeat(64)),
  );
  const domain = fc.oneof(
    fc.constant(""),
    fc.array(label, { minLength: 1, maxLength: 4 }).map((ls) => ls.join(".")),
    fc
      .array(fc.integer({ min: 0, max: 300 }), { minLength: 3, maxLength: 5 })
      .map((ns) => ns.join(".")),
    text("0123.:[]a", 10),
  );
  const maxAge = fc.oneof(
    fc.integer({ min: -100, max: 100 }),
    fc.integer({ min: 0, max: 20_000_000_000 }),
    fc.constantFrom(
      9_223_372_036,
      9_223_372_037,
      Number.MAX_SAFE_INTEGER,
      -Number.MAX_SAFE_INTEGER,
    ),
  );
  const options = fc.record({
    Path: path,
    Domain: domain,
    MaxAge: maxAge,
    Secure: fc.boolean(),
    HttpOnly: fc.boolean(),
    SameSite: fc.integer({ min: 0, max: 4 }),
  });
  const nowMs = fc.integer({ min: 0, max: 4_102_444_800_000 }); // 1970 to 2100
  const logged: string[] = [];
  const previous = SetLogger((message) => logged.push(message));
  try {
    await fc.assert(
      fc.asyncProperty(name, value, options, nowMs, async (n, v, o, now) => {
        const theirs = await go!.call<{ header: string; log: string[] }>("newCookie", {
          name: n,
          value: v,
          options: o,
          nowMs: now,
        });
        logged.length = 0;
        const { SameSite: sameSite, ...rest } = o;
        const ours = newCookie(n, v, { ...rest, SameSite: sameSite as SameSite }, now);
        const label = JSON.stringify({ n, v, o, now });
        assert.is(ours, theirs.header, label);
        assert.equal(logged, theirs.log, label);
      }),
      { numRuns: 1500 },
    );
  } finally {
    SetLogger(previous);
  }
});

test.run();
