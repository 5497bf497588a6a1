/**
 * The cookie store (gorilla/sessions v1.2.2 `CookieStore` behind hertz-contrib/sessions
 * v1.0.3 `cookie.NewStore`): defaults, New/Get/Save, key rotation, and the quirk that the
 * store's `Options` leaves the codecs' MaxAge alone.
 */
import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CookieStore } from "../../src/cookie/CookieStore.ts";
import { NewStore } from "../../src/cookie/index.ts";
import { Default, New, SetLogger } from "../../src/index.ts";
import { SecureCookie } from "../../src/securecookie/index.ts";
import { GorillaSession } from "../../src/sessions/GorillaSession.ts";
import type { RequestSession } from "../../src/sessions/RequestSession.ts";

const key = Buffer.from("secret");

function req(cookie?: string): IncomingMessage {
  return { headers: cookie === undefined ? {} : { cookie } } as IncomingMessage;
}

/** A response with no socket; `cookies()` lists the Set-Cookie headers added to it. */
function recorder(): ServerResponse & { cookies(): string[] } {
  const res = new ServerResponse(new IncomingMessage(new Socket()));
  return Object.assign(res, {
    cookies(): string[] {
      const h = res.getHeader("set-cookie");
      return h === undefined ? [] : Array.isArray(h) ? h : [String(h)];
    },
  });
}

/** Sets the clock (Unix seconds) of every codec of the store. */
function setClock(store: CookieStore, seconds: number): void {
  for (const c of store.Codecs) (c as SecureCookie).timeFunc = () => seconds;
}

/** The session cookie value `store` writes for `values`. */
async function cookieOf(store: CookieStore, values: [unknown, unknown][]): Promise<string> {
  const s = store.NewSession("mysession");
  s.Values = new Map(values);
  const res = recorder();
  await store.Save(req(), res, s);
  assert.is(res.cookies().length, 1);
  return res.cookies()[0].split(";")[0].slice("mysession=".length);
}

test("NewStore: Path / and MaxAge 30 days; one SecureCookie codec per key pair", () => {
  const store = NewStore(key) as CookieStore;
  assert.instance(store, CookieStore);
  assert.equal(store.Opts, { Path: "/", MaxAge: 86400 * 30 });
  assert.is(store.Codecs.length, 1);
  assert.instance(store.Codecs[0], SecureCookie);
  assert.is((NewStore(key, null, Buffer.from("old"), null) as CookieStore).Codecs.length, 2);
});

test("New without the cookie: a new session with a copy of the default options", async () => {
  const store = new CookieStore(key);
  const [s, err] = await store.New(req("other=1"), "mysession");
  assert.is(err, null);
  assert.ok(s.IsNew);
  assert.is(s.ID, "");
  assert.is(s.Name(), "mysession");
  assert.is(s.Store(), store);
  assert.equal(s.Options, store.Opts);
  s.Options.Path = "/changed";
  assert.is(store.Opts.Path, "/", "the session got a copy");
  assert.equal(store.NewSession("x").Options, { Path: "/", MaxAge: 86400 * 30 });
});

test("Save then New: the values come back, IsNew false, ID empty", async () => {
  const store = new CookieStore(key);
  const value = await cookieOf(store, [
    ["count", 3],
    ["name", "ann"],
  ]);
  const [s, err] = await store.New(req(`mysession=${value}`), "mysession");
  assert.is(err, null);
  assert.not.ok(s.IsNew);
  assert.is(s.ID, "");
  assert.equal([...s.Values].sort(), [
    ["count", 3],
    ["name", "ann"],
  ]);
});

test("Save writes newCookie(name, encoded, session options)", async () => {
  const store = new CookieStore(key);
  const s = store.NewSession("mysession");
  s.Options = { Path: "/p", Domain: "example.com", MaxAge: -1, HttpOnly: true };
  const res = recorder();
  await store.Save(req(), res, s);
  assert.match(
    res.cookies()[0],
    /^mysession=[A-Za-z0-9_=-]+; Path=\/p; Domain=example\.com; Expires=Thu, 01 Jan 1970 00:00:01 GMT; Max-Age=0; HttpOnly$/,
  );
});

test("a bad cookie: a new session and the decoding error", async () => {
  const store = new CookieStore(key);
  const good = await cookieOf(store, [["a", 1]]);
  for (const bad of ["garbage", `${good.slice(0, -2)}xx`, ""]) {
    const [s, err] = await store.New(req(`mysession=${bad}`), "mysession");
    assert.ok(err, bad);
    assert.ok(s.IsNew);
    assert.is(s.Values.size, 0);
  }
  const other = await cookieOf(new CookieStore(Buffer.from("other key")), [["a", 1]]);
  const [, err] = await store.New(req(`mysession=${other}`), "mysession");
  assert.match(err!.message, /the value is not valid/);
});

test("key rotation: cookies of the old key still decode; new cookies use the first key", async () => {
  const old = new CookieStore(Buffer.from("old"));
  const rotated = new CookieStore(Buffer.from("new"), null, Buffer.from("old"), null);
  const fromOld = await cookieOf(old, [["v", "old"]]);
  const [s, err] = await rotated.New(req(`mysession=${fromOld}`), "mysession");
  assert.is(err, null);
  assert.is(s.Values.get("v"), "old");
  const fromRotated = await cookieOf(rotated, [["v", "new"]]);
  const [, errOld] = await old.New(req(`mysession=${fromRotated}`), "mysession");
  assert.ok(errOld, "the old key alone cannot read the new cookie");
  const [s2] = await new CookieStore(Buffer.from("new")).New(
    req(`mysession=${fromRotated}`),
    "mysession",
  );
  assert.is(s2.Values.get("v"), "new");
});

test("the codecs reject a cookie older than 30 days", async () => {
  const store = new CookieStore(key);
  const now = 1_700_000_000;
  setClock(store, now);
  const value = await cookieOf(store, [["a", 1]]);
  setClock(store, now + 86400 * 30 - 1);
  assert.is((await store.New(req(`mysession=${value}`), "mysession"))[1], null);
  setClock(store, now + 86400 * 30 + 1);
  assert.match(
    (await store.New(req(`mysession=${value}`), "mysession"))[1]!.message,
    /expired timestamp/,
  );
});

test("quirk: Options replaces the defaults but not the codecs' MaxAge (hertz-contrib cookie.go)", async () => {
  const store = new CookieStore(key);
  store.Options({ MaxAge: 60, Domain: "example.com" });
  assert.equal(store.Opts, {
    Path: "",
    Domain: "example.com",
    MaxAge: 60,
    Secure: false,
    HttpOnly: false,
    SameSite: undefined,
  });
  const now = 1_700_000_000;
  setClock(store, now);
  const value = await cookieOf(store, [["a", 1]]);
  setClock(store, now + 3600);
  const [s, err] = await store.New(req(`mysession=${value}`), "mysession");
  assert.is(err, null, "an hour-old cookie still decodes although MaxAge is 60");
  assert.is(s.Values.get("a"), 1);
});

test("MaxAge sets the defaults and every codec's MaxAge (gorilla CookieStore.MaxAge)", async () => {
  const store = new CookieStore(key, null, Buffer.from("old"), null);
  store.MaxAge(60);
  assert.is(store.Opts.MaxAge, 60);
  const now = 1_700_000_000;
  setClock(store, now);
  const value = await cookieOf(store, [["a", 1]]);
  setClock(store, now + 3600);
  const [, err] = await store.New(req(`mysession=${value}`), "mysession");
  assert.match(err!.message, /expired timestamp/);
});

test("Get caches the session per request and name (gorilla's Registry)", async () => {
  const store = new CookieStore(key);
  const r = req();
  const [a] = await store.Get(r, "mysession");
  const [b] = await store.Get(r, "mysession");
  const [c] = await store.Get(r, "other");
  const [d] = await store.Get(req(), "mysession");
  assert.is(a, b);
  assert.is.not(a, c);
  assert.is.not(a, d);
  const [bad, err] = await store.Get(r, "bad name");
  assert.instance(bad, GorillaSession);
  assert.is(err!.message, "sessions: invalid character in cookie name: bad name");
});

test("the middleware loads a cookie session before next runs", async () => {
  const store = new CookieStore(key);
  const cookie = await cookieOf(store, [["count", 41]]);
  const r = req(`mysession=${cookie}`);
  let seen: unknown;
  const returned = New("mysession", store)(r, recorder(), () => {
    seen = Default(r).Get("count");
    return "next's result";
  });
  assert.is((await returned) as unknown, "next's result");
  assert.is(seen, 41);
  // store.Get on the same request gives the session the middleware loaded.
  const [fromGet] = await store.Get(r, "mysession");
  const [again] = await store.Get(r, "mysession");
  assert.is(fromGet, again);
  assert.is(fromGet.Values.get("count"), 41);
});

test("a bad cookie through the middleware: a new session, the error logged, next still runs", async () => {
  const store = new CookieStore(key);
  const r = req("mysession=garbage");
  const lines: string[] = [];
  const previous = SetLogger((m) => lines.push(m));
  let ran = false;
  try {
    await New("mysession", store)(r, recorder(), () => {
      ran = true;
      assert.is(Default(r).Get("count"), undefined);
    });
  } finally {
    SetLogger(previous);
  }
  assert.ok(ran);
  assert.is(lines.length, 1);
  assert.match(lines[0], /^\[sessions\] ERROR! securecookie: /);
});

test("Save rejects a value too long for a cookie (securecookie's 4096 bytes)", async () => {
  const store = new CookieStore(key);
  const s = store.NewSession("mysession");
  s.Values.set("big", "x".repeat(5000));
  let err: Error | undefined;
  await store.Save(req(), recorder(), s).catch((e: Error) => {
    err = e;
  });
  assert.match(err?.message ?? "", /too long/);
});

test("Session.Save through SaveSync: the cookie at once, a rejection for a value too long", async () => {
  const store = new CookieStore(key);
  const r = req();
  const res = recorder();
  New("mysession", store)(r, res, () => {});
  const s = Default(r) as RequestSession;
  s.Set("n", 1);
  const saved = s.Save();
  assert.is(res.cookies().length, 1, "the cookie is set before the Promise settles");
  await saved;
  assert.not.ok(s.Written());
  s.Set("big", "x".repeat(5000));
  const err = await s.Save().then(
    () => null,
    (e: Error) => e,
  );
  assert.match(err?.message ?? "", /too long/);
  assert.ok(s.Written(), "a failed Save leaves the session to save");
  assert.is(res.cookies().length, 1);
});

test.run();
