/**
 * Rolling expiry (`rolling.ts`) on the cookie store: renewal is due once half the MaxAge has
 * passed since the cookie's securecookie timestamp, answered once; `Save()` of a read-only
 * session then re-issues the cookie; a fresh cookie, or a store without `SetRolling(true)`, is
 * not rewritten.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CookieStore } from "../../src/cookie/index.ts";
import type { SecureCookie } from "../../src/securecookie/index.ts";
import { Timestamp } from "../../src/securecookie/timestamp.ts";
import { GorillaSession } from "../../src/sessions/GorillaSession.ts";
import { rememberIssued, takeRenewal } from "../../src/sessions/rolling.ts";
import { requestSession } from "../support/storeCalls.ts";

const key = Buffer.from("secret");

/** A cookie of the store's codec issued `age` seconds ago. */
function cookieAged(age: number): string {
  const st = new CookieStore(key);
  const codec = st.Codecs[0] as SecureCookie;
  codec.timeFunc = () => Math.floor(Date.now() / 1000) - age;
  return `session-key=${codec.Encode("session-key", new Map([["user", "ann"]]))}`;
}

test("takeRenewal: due from half the MaxAge on, once", () => {
  const s = GorillaSession.New(new CookieStore(key), "n");
  s.Options = { MaxAge: 100 };
  const codec = new CookieStore(key).Codecs[0] as SecureCookie;
  codec.timeFunc = () => 1000;
  rememberIssued(s, codec.Encode("n", 1));
  assert.is(takeRenewal(s, 1049), false);
  assert.is(takeRenewal(s, 1050), true);
  assert.is(takeRenewal(s, 1051), false, "answered once");
  const session = GorillaSession.New(new CookieStore(key), "n");
  session.Options = { MaxAge: 0 };
  rememberIssued(session, codec.Encode("n", 1));
  assert.is(takeRenewal(session, 5000), false, "a session cookie (MaxAge 0) never rolls");
  assert.is(
    takeRenewal(GorillaSession.New(new CookieStore(key), "n"), 5000),
    false,
    "no cookie read",
  );
});

test("a rolling store re-issues an old cookie on a read-only Save, not a fresh one", async () => {
  const st = new CookieStore(key);
  st.SetRolling(true);
  const old = await requestSession(st, cookieAged(86400 * 15));
  assert.is(old.s.Get("user"), "ann");
  await old.s.Save();
  const renewed = old.cookieOut();
  assert.is.not(renewed, "");
  const t = Timestamp(renewed.slice("session-key=".length));
  assert.ok(Math.abs(t! - Date.now() / 1000) < 3, "a fresh timestamp");
  const again = await requestSession(st, renewed);
  assert.is(again.s.Get("user"), "ann");

  const fresh = await requestSession(st, cookieAged(86400 * 14));
  await fresh.s.Save();
  assert.is(fresh.res.getHeader("set-cookie"), undefined);
});

test("without SetRolling(true) an old cookie is not rewritten", async () => {
  const old = await requestSession(new CookieStore(key), cookieAged(86400 * 29));
  await old.s.Save();
  assert.is(old.res.getHeader("set-cookie"), undefined);
});

test.run();
