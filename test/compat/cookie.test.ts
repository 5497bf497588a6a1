/**
 * The Go peer on the cookie store, driven over HTTP: every demo route, the typed values Go
 * stores, and the exact Set-Cookie text a real Hertz service sends.
 *
 * Hertz quirk pinned here: hertz-contrib/sessions writes cookies through Hertz's net/http
 * adaptor, which re-parses net/http's Set-Cookie and prints it in Hertz's own form:
 * lower-case `max-age`, `expires`, `domain`, `path`, `secure` (but `HttpOnly`, `SameSite`),
 * in that order, and a deleted cookie (MaxAge < 0, net/http's `Max-Age=0`) loses its
 * Max-Age and keeps only `expires=Thu, 01 Jan 1970 00:00:01 GMT`.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { CookieJar, parseSetCookie } from "../support/cookieJar.ts";
import { type Peer, startPeer } from "../support/peer.ts";

type Typed = { t: string; v?: unknown };

/** The entries of a tjson map as [key, typed value], keyed by string keys. */
function entries(dump: Typed): Map<string, Typed> {
  assert.is(dump.t, "map[interface {}]interface {}");
  const out = new Map<string, Typed>();
  for (const [k, v] of (dump.v ?? []) as Array<[Typed, Typed]>) out.set(String(k.v), v);
  return out;
}

const HTTP_DATE = /^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT$/;

const Cookie = suite("peer: cookie store");
let peer: Peer | null = null;

Cookie.before(async () => {
  peer = await startPeer(["-store", "cookie"]);
});

Cookie.after(async () => {
  await peer?.stop();
});

async function get(jar: CookieJar, path: string): Promise<{ status: number; body: unknown }> {
  const res = await jar.fetch(`${peer!.url}${path}`);
  return { status: res.status, body: await res.json() };
}

Cookie("login, home counts, flashes, logout: the whole demo flow", async () => {
  if (!peer) return;
  const jar = new CookieJar();
  assert.equal(await get(jar, "/home"), { status: 401, body: { error: "not logged in" } });

  const before = Date.now();
  assert.equal(await get(jar, "/login?user=ann"), { status: 200, body: { user: "ann" } });
  assert.is(jar.lastSetCookie.length, 1);
  const header = jar.lastSetCookie[0];
  assert.match(header, /^mysession=[A-Za-z0-9_=-]+; max-age=2592000; expires=[^;]+; path=\/$/);
  const c = parseSetCookie(header);
  assert.equal(
    c.attributes.map((a) => a.name),
    ["max-age", "expires", "path"],
  );
  assert.match(c.attributes[1].value!, HTTP_DATE);
  const expected = before + 2592000 * 1000;
  assert.ok(Math.abs(c.expires!.getTime() - expected) < 5_000, `expires ${c.expires}`);

  assert.equal(await get(jar, "/home"), {
    status: 200,
    body: { user: "ann", count: 1, flashes: ["Welcome, ann!"] },
  });
  assert.equal(await get(jar, "/home"), {
    status: 200,
    body: { user: "ann", count: 2, flashes: [] },
  });
  assert.equal(await get(jar, "/incr"), { status: 200, body: { count: 3 } });

  assert.equal(await get(jar, "/flash?msg=hi"), { status: 200, body: { ok: true } });
  assert.equal(await get(jar, "/flash?msg=yo"), { status: 200, body: { ok: true } });
  assert.equal(await get(jar, "/flashes"), { status: 200, body: { flashes: ["hi", "yo"] } });
  assert.equal(await get(jar, "/flashes"), { status: 200, body: { flashes: [] } });
  assert.equal(await get(jar, "/id"), { status: 200, body: { id: "" } }); // cookie store: no ID

  assert.equal(await get(jar, "/logout"), { status: 200, body: { ok: true } });
  const del = parseSetCookie(jar.lastSetCookie[0]);
  assert.is(del.name, "mysession");
  assert.ok(del.value.length > 0, "the cookie store still encodes the (empty) values");
  assert.equal(del.attributes, [
    { name: "expires", value: "Thu, 01 Jan 1970 00:00:01 GMT" },
    { name: "path", value: "/" },
  ]);
  assert.is(del.maxAge, undefined, "Hertz drops net/http's Max-Age=0");
  assert.is(jar.get("mysession"), undefined);
  assert.equal(await get(jar, "/home"), { status: 401, body: { error: "not logged in" } });
});

Cookie("/set plants exact Go types and /dump shows them", async () => {
  if (!peer) return;
  const jar = new CookieJar();
  const set = (key: string, type: string, value: string) =>
    get(jar, `/set?key=${key}&type=${type}&value=${encodeURIComponent(value)}`);
  const planted: Array<[string, string, string, Typed]> = [
    ["i", "int", "-7", { t: "int", v: "-7" }],
    ["i8", "int8", "-128", { t: "int8", v: "-128" }],
    ["i16", "int16", "300", { t: "int16", v: "300" }],
    ["i32", "int32", "-70000", { t: "int32", v: "-70000" }],
    ["i64", "int64", "-9223372036854775808", { t: "int64", v: "-9223372036854775808" }],
    ["u", "uint", "7", { t: "uint", v: "7" }],
    ["u8", "uint8", "255", { t: "uint8", v: "255" }],
    ["u16", "uint16", "65535", { t: "uint16", v: "65535" }],
    ["u32", "uint32", "4294967295", { t: "uint32", v: "4294967295" }],
    ["u64", "uint64", "18446744073709551615", { t: "uint64", v: "18446744073709551615" }],
    ["f32", "float32", "1.5", { t: "float32", v: "1.5" }],
    ["f64", "float64", "1", { t: "float64", v: "1" }],
    ["s", "string", "héllo", { t: "string", v: "héllo" }],
    ["b", "bool", "true", { t: "bool", v: true }],
    [
      "t",
      "time",
      "2024-01-02T03:04:05.123456789+02:00",
      { t: "time.Time", v: "2024-01-02T03:04:05.123456789+02:00 " },
    ],
    ["tz", "time", "2024-01-02T03:04:05Z", { t: "time.Time", v: "2024-01-02T03:04:05Z UTC" }],
    ["bytes", "bytes", "AAEC/w==", { t: "[]uint8", v: "AAEC/w==" }],
    [
      "strs",
      "strings",
      "a,b",
      {
        t: "[]string",
        v: [
          { t: "string", v: "a" },
          { t: "string", v: "b" },
        ],
      },
    ],
    ["nil", "nil", "", { t: "nil" }],
    [
      "pt",
      "point",
      '{"X":1,"Y":-2,"W":0.5}',
      {
        t: "main.Point",
        v: { X: { t: "int32", v: "1" }, Y: { t: "int32", v: "-2" }, W: { t: "float64", v: "0.5" } },
      },
    ],
  ];
  for (const [key, type, value] of planted) {
    assert.equal(await set(key, type, value), { status: 200, body: { ok: true } }, key);
  }
  assert.equal(await set("x", "complex", "1"), {
    status: 400,
    body: { error: 'unknown type "complex"' },
  });

  const dump = entries((await get(jar, "/dump")).body as Typed);
  assert.is(dump.size, planted.length);
  for (const [key, , , want] of planted) assert.equal(dump.get(key), want, key);

  assert.equal(await set("u", "user", '{"Name":"ann","Age":3}'), {
    status: 200,
    body: { ok: true },
  });
  const user = entries((await get(jar, "/dump")).body as Typed).get("u")!;
  assert.is(user.t, "main.User");
  assert.equal((user.v as Record<string, Typed>).Name, { t: "string", v: "ann" });
  assert.equal((user.v as Record<string, Typed>).Age, { t: "int", v: "3" });
});

Cookie("/incr reports a count of the wrong Go type (the interop canary)", async () => {
  if (!peer) return;
  const jar = new CookieJar();
  assert.equal(await get(jar, "/incr"), { status: 200, body: { count: 1 } });
  assert.equal(await get(jar, "/incr"), { status: 200, body: { count: 2 } });
  await get(jar, "/set?key=count&type=int64&value=2");
  assert.equal(await get(jar, "/incr"), { status: 500, body: { error: "count is <int64>" } });
  await get(jar, "/set?key=count&type=float64&value=2");
  assert.equal(await get(jar, "/incr"), { status: 500, body: { error: "count is <float64>" } });
});

Cookie("/options sets each cookie attribute as Hertz prints it", async () => {
  if (!peer) return;
  const cases: Array<[string, string[]]> = [
    [
      "maxAge=60&path=/&httponly=1&secure=1&samesite=lax",
      ["max-age=60", "expires", "path=/", "HttpOnly", "secure", "SameSite=Lax"],
    ],
    [
      "maxAge=60&path=/p&domain=example.com&samesite=strict",
      ["max-age=60", "expires", "domain=example.com", "path=/p", "SameSite=Strict"],
    ],
    [
      "maxAge=60&path=/&samesite=none&secure=1",
      ["max-age=60", "expires", "path=/", "secure", "SameSite=None"],
    ],
    ["maxAge=60&path=/&samesite=default", ["max-age=60", "expires", "path=/"]],
    ["path=/", ["path=/"]], // MaxAge 0: a session cookie
    ["maxAge=60", ["max-age=60", "expires"]], // no Path given: none sent
    // net/http's cleaning survives Hertz's re-parse: a leading dot is stripped, an invalid
    // domain and invalid path bytes are dropped (with a log line on stderr).
    ["domain=.example.com&path=/", ["domain=example.com", "path=/"]],
    ["domain=127.0.0.1", ["domain=127.0.0.1"]],
    ["domain=bad_domain!", []],
    ["path=/a%3Bb", ["path=/ab"]],
    ["maxAge=-5", ["expires"]],
  ];
  for (const [query, want] of cases) {
    const jar = new CookieJar();
    const { status, body } = await get(jar, `/options?${query}`);
    assert.equal({ status, body }, { status: 200, body: { ok: true } }, query);
    const c = parseSetCookie(jar.lastSetCookie[0]);
    const got = c.attributes.map((a) =>
      a.name === "expires" || a.value === null ? a.name : `${a.name}=${a.value}`,
    );
    assert.equal(got, want, query);
  }
  assert.match(peer.stderr(), /net\/http: invalid Cookie\.Domain "bad_domain!"; dropping domain/);
  const jar = new CookieJar();
  assert.equal(await get(jar, "/options?samesite=bogus"), {
    status: 400,
    body: { error: "bad samesite" },
  });
});

Cookie("a tampered cookie yields a new session and an error on the peer's stderr", async () => {
  if (!peer) return;
  const jar = new CookieJar();
  await get(jar, "/login?user=ann");
  jar.set("mysession", `${jar.get("mysession")!.slice(0, -4)}AAAA`);
  assert.equal(await get(jar, "/home"), { status: 401, body: { error: "not logged in" } });
  assert.match(peer.stderr(), /\[sessions\] ERROR! securecookie: the value is not valid/);
});

Cookie.run();
