/**
 * The request's `Session` beyond Hertz, on the cookie store: `Update`, `Regenerate`, `Destroy`
 * (deleting with the store's Path and Domain, whatever the session's options), `Touch`, and
 * typed sessions (`Default<T>`: the `@ts-expect-error` lines fail the type-check when a wrong key
 * or value is accepted).
 */
import type { IncomingMessage } from "node:http";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CookieStore } from "../../src/cookie/index.ts";
import { Default, type Session } from "../../src/index.ts";
import { parseSetCookie } from "../support/cookieJar.ts";
import { setCookies } from "../support/fakeHttp.ts";
import { requestSession } from "../support/storeCalls.ts";

const store = () => new CookieStore(Buffer.from("secret"));

/** A saved session's cookie pair, for the next request. */
async function saved(values: Record<string, unknown>): Promise<string> {
  const st = store();
  const { s, cookieOut } = await requestSession(st);
  for (const [k, v] of Object.entries(values)) s.Set(k, v);
  await s.Save();
  return cookieOut();
}

test("Update sets fn(current) and returns it; untouched sessions save nothing", async () => {
  const { s, res } = await requestSession(store());
  assert.is(
    s.Update("n", (n) => ((n as number | undefined) ?? 0) + 1),
    1,
  );
  assert.is(
    s.Update("n", (n) => (n as number) + 1),
    2,
  );
  assert.is(s.Get("n"), 2);
  await s.Save();
  assert.is(res.getHeader("set-cookie") !== undefined, true);
  const quiet = await requestSession(store());
  quiet.s.Get("n");
  await quiet.s.Save();
  assert.is(quiet.res.getHeader("set-cookie"), undefined);
});

test("Regenerate re-issues the cookie store's cookie with the same values", async () => {
  const cookie = await saved({ user: "ann" });
  const { s, cookieOut } = await requestSession(store(), cookie);
  s.Regenerate();
  await s.Save();
  const next = cookieOut();
  assert.is.not(next, "", "a new cookie was issued");
  const again = await requestSession(store(), next);
  assert.is(again.s.Get("user"), "ann");
});

test("Destroy deletes the cookie with the store's Path and Domain, whatever the session's", async () => {
  const st = store();
  st.Options({ Path: "/app", Domain: "example.com", MaxAge: 3600, HttpOnly: true });
  const cookie = await saved({ user: "ann" });
  const { s, res } = await requestSession(st, cookie);
  s.Options({ Path: "/elsewhere", MaxAge: 60 });
  await s.Destroy();
  const headers = setCookies(res);
  assert.is(headers.length, 1);
  const c = parseSetCookie(headers[0]);
  assert.is(c.path, "/app");
  assert.is(c.domain, "example.com");
  assert.is(c.maxAge, 0);
  // Afterwards the request has a new, empty session; saving it untouched writes nothing more.
  assert.is(s.Get("user"), undefined);
  await s.Save();
  assert.is(setCookies(res).length, 1);
});

test("Touch saves an unchanged session", async () => {
  const cookie = await saved({ user: "ann" });
  const { s, cookieOut } = await requestSession(store(), cookie);
  s.Touch();
  await s.Save();
  assert.is.not(cookieOut(), "");
});

test("typed sessions: Default<T> types Get, Set and Update; untyped stays open", () => {
  // Only type-checked: the functions are never called.
  const typed = (req: IncomingMessage) => {
    const s = Default<{ user: string; count: number }>(req);
    const user: string | undefined = s.Get("user");
    s.Set("count", (s.Get("count") ?? 0) + 1);
    const n: number = s.Update("count", (c) => (c ?? 0) + 1);
    // @ts-expect-error: not a key of the session
    s.Get("nope");
    // @ts-expect-error: count is a number
    s.Set("count", "1");
    // @ts-expect-error: Update must return the key's type
    s.Update("user", () => 1);
    return [user, n];
  };
  const untyped = (req: IncomingMessage) => {
    const s: Session = Default(req);
    s.Set(1, { any: "thing" });
    s.Set("count", ((s.Get("count") as number) ?? 0) + 1);
    return s.Update(Symbol.for("k"), (v) => v);
  };
  assert.type(typed, "function");
  assert.type(untyped, "function");
});

test.run();
