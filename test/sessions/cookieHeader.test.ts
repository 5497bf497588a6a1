/**
 * Set-Cookie headers against Go's `sessions.NewCookie(...).String()`
 * (test/vectors/setcookie.json, written by compat/cmd/vectors/setcookie.go).
 */
import { readFileSync } from "node:fs";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { appendSetCookie, newCookie } from "../../src/sessions/cookieHeader.ts";
import { SetLogger } from "../../src/sessions/logger.ts";
import type { Options, SameSite } from "../../src/sessions/Options.ts";

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

test("newCookie equals Go attribute by attribute", () => {
  for (const c of vectors.newCookie) {
    const got = newCookie(c.name, c.value, optionsOf(c), c.nowMs);
    assert.equal(got.split("; "), c.header.split("; "), JSON.stringify(c));
  }
});

test("newCookie equals Go as full strings", () => {
  for (const c of vectors.newCookie) {
    assert.is(newCookie(c.name, c.value, optionsOf(c), c.nowMs), c.header, JSON.stringify(c));
  }
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

test.run();
