/** The error family: one `instanceof`, the built-in class of each member, a stable `code`. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as root from "../../src/index.ts";
import {
  isSessionsError,
  SessionsError,
  SessionsRangeError,
  SessionsTypeError,
} from "../../src/sessions/SessionsError.ts";

test("every member is instanceof SessionsError and of its built-in class", () => {
  const e = new SessionsError("ERR_STORE_UNAVAILABLE", "down", { cause: new Error("x") });
  const t = new SessionsTypeError("ERR_INVALID_CONFIG", "bad");
  const r = new SessionsRangeError("ERR_READ_LIMIT", "big");
  for (const x of [e, t, r]) assert.ok(x instanceof SessionsError, x.name);
  assert.ok(t instanceof TypeError && t instanceof SessionsTypeError);
  assert.ok(r instanceof RangeError && r instanceof SessionsRangeError);
  assert.not.ok(e instanceof SessionsTypeError, "a subclass keeps its own instanceof");
  assert.not.ok(t instanceof SessionsRangeError);
  assert.not.ok(new TypeError("x") instanceof SessionsError);
  assert.not.ok((null as unknown as object) instanceof SessionsError);
  assert.equal(
    [e.code, t.code, r.code],
    ["ERR_STORE_UNAVAILABLE", "ERR_INVALID_CONFIG", "ERR_READ_LIMIT"],
  );
  assert.equal(
    [e.name, t.name, r.name],
    ["SessionsError", "SessionsTypeError", "SessionsRangeError"],
  );
  assert.is((e.cause as Error).message, "x");
});

test("isSessionsError checks the family and, when given, the code", () => {
  const t = new SessionsTypeError("ERR_INVALID_CONFIG", "bad");
  assert.ok(isSessionsError(t));
  assert.ok(isSessionsError(t, "ERR_INVALID_CONFIG"));
  assert.not.ok(isSessionsError(t, "ERR_NOT_MOUNTED"));
  assert.not.ok(isSessionsError(Object.assign(new Error("x"), { code: "ERR_INVALID_CONFIG" })));
  assert.not.ok(isSessionsError("ERR_INVALID_CONFIG"));
});

test("the root module exports the family", () => {
  assert.is(root.SessionsError, SessionsError);
  assert.is(root.SessionsTypeError, SessionsTypeError);
  assert.is(root.SessionsRangeError, SessionsRangeError);
  assert.is(root.isSessionsError, isSessionsError);
});

test.run();
