/**
 * The request's session(s).
 * Port of hertz-contrib/sessions v1.0.3 `sessions.go` (`Default`, `DefaultMany`).
 */
import type { IncomingMessage } from "node:http";
import { DefaultKey } from "./defaultKey.ts";
import { sessionsOf } from "./middleware.ts";
import type { RequestSession } from "./RequestSession.ts";
import type { Session, Untyped } from "./Session.ts";
import { SessionsError, SessionsTypeError } from "./SessionsError.ts";

/** Hertz's `c.MustGet(DefaultKey)` panic, with the fix. */
function notMounted(): SessionsError {
  return new SessionsError(
    "ERR_NOT_MOUNTED",
    `Key "${DefaultKey}" does not exist: the sessions middleware (New or Many) did not run for this request`,
  );
}

/**
 * The session of the request (middleware `New`). Throws when the middleware did not run.
 * `Default<{ user: string }>(req)` types the keys and values of `Get`, `Set` and `Update`.
 */
export function Default<T extends object = Untyped>(req: IncomingMessage): Session<T> {
  const s = sessionsOf(req);
  if (s === undefined) throw notMounted();
  if (s instanceof Map) {
    throw new SessionsTypeError(
      "ERR_NOT_MOUNTED",
      "sessions: Default: the middleware is Many; use DefaultMany(req, name)",
    );
  }
  return s as Session<T>;
}

/** The session `name` of the request (middleware `Many`). Throws when there is none. */
export function DefaultMany<T extends object = Untyped>(
  req: IncomingMessage,
  name: string,
): Session<T> {
  const all = sessionsOf(req);
  if (all === undefined) throw notMounted();
  if (!(all instanceof Map)) {
    throw new SessionsTypeError(
      "ERR_NOT_MOUNTED",
      "sessions: DefaultMany: the middleware is New; use Default(req)",
    );
  }
  const s: RequestSession | undefined = all.get(name);
  if (s === undefined) {
    throw new SessionsError(
      "ERR_NOT_MOUNTED",
      `sessions: DefaultMany: no session named ${JSON.stringify(name)} (Many got ${JSON.stringify([...all.keys()])})`,
    );
  }
  return s as Session<T>;
}
