/** A value that cannot be serialized: the error names the session key and keeps Go's text. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CookieStore } from "../../src/cookie/CookieStore.ts";
import { GobError } from "../../src/gob/index.ts";
import { SecureCookieError } from "../../src/securecookie/index.ts";
import { encodeError } from "../../src/sessions/encodeError.ts";
import { GorillaSession } from "../../src/sessions/GorillaSession.ts";
import { SessionsError } from "../../src/sessions/SessionsError.ts";

test("the cookie store names the key gob refused; securecookie's error is the cause", () => {
  const store = new CookieStore(Buffer.alloc(32, 1));
  const s = GorillaSession.New(
    store,
    "mysession",
    new Map<unknown, unknown>([
      ["ok", 1],
      ["f", () => 1],
    ]),
  );
  s.Options = { Path: "/", MaxAge: 60 };
  let err: unknown;
  try {
    store.SaveSync({} as IncomingMessage, {} as ServerResponse, s);
  } catch (e) {
    err = e;
  }
  assert.instance(err, SessionsError);
  assert.is((err as SessionsError).code, "ERR_ENCODE_VALUE");
  assert.is(
    (err as Error).message,
    'sessions: cannot save session "mysession": the value of key "f" cannot be encoded: gob: cannot encode a function',
  );
  assert.instance((err as Error).cause, SecureCookieError);
});

test("a key that is no string is shown with its type; an error no single key causes is kept", () => {
  const gobFails = (m: Map<unknown, unknown>) => {
    for (const v of m.values())
      if (typeof v === "symbol") throw new GobError("usage", "cannot encode a symbol");
  };
  const e = encodeError(
    new Error("whole"),
    "s",
    new Map<unknown, unknown>([[7, Symbol("x")]]),
    gobFails,
  );
  assert.is(
    e.message,
    'sessions: cannot save session "s": the value of key 7 (number) cannot be encoded: gob: cannot encode a symbol',
  );
  const whole = new Error("securecookie: the value is too long");
  assert.is(
    encodeError(whole, "s", new Map([["a", 1]]), () => {}),
    whole,
  );
  const named = new SessionsError(
    "ERR_ENCODE_VALUE",
    "non-string key value, cannot serialize session to JSON: 1",
  );
  assert.is(
    encodeError(named, "s", new Map([[1, 1]]), gobFails),
    named,
    "already named: kept as Go wrote it",
  );
});

test.run();
