/**
 * The session middleware.
 * Port of hertz-contrib/sessions v1.0.3 `sessions.go` (`New`, `Many`, `Sessions`,
 * `SessionsMany`) onto Connect-style `(req, res, next)` middleware.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { answerError } from "./answerError.ts";
import { checkStore } from "./checkStore.ts";
import { isToken } from "./cookieHeader.ts";
import { sessionsSlot } from "./defaultKey.ts";
import { loadRequestSession, RequestSession } from "./RequestSession.ts";
import { requestCookie } from "./requestCookie.ts";
import { SessionsTypeError } from "./SessionsError.ts";
import type { Store } from "./Store.ts";

/** Connect's `next`: continues with the next handler, or with an error handler given `err`. */
export type NextFunction = (err?: unknown) => unknown;

/**
 * Connect-style middleware, for `http.createServer` and Connect/Express. It returns what
 * `next` returns, or a Promise of it when the session had to be awaited first. A rejection
 * there has already been answered and logged (see `New`); the Promise is marked handled, so
 * dropping it (as `http.createServer` does) cannot end the process, and awaiting it still
 * gives the error.
 */
export type Middleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: NextFunction,
) => void | Promise<void>;

/** The request object the sessions hang on. */
interface WithSessions {
  [sessionsSlot]?: RequestSession | Map<string, RequestSession>;
}

/** gorilla's `isCookieNameValid`, checked once here rather than on every request. */
function checkName(name: string): void {
  if (typeof name !== "string" || !isToken(name)) {
    throw new SessionsTypeError(
      "ERR_INVALID_CONFIG",
      `sessions: invalid character in cookie name: ${name}`,
    );
  }
}

/** Whether the session `name` must be loaded before `next()` (it may be built lazily otherwise). */
function mustLoad(req: IncomingMessage, name: string, store: Store): boolean {
  return store.NewSession === undefined || requestCookie(req, name) !== undefined;
}

/**
 * Whether `next` is a framework's (Connect, Express): it declares the `err` parameter, as
 * theirs do (`function next(err)`). A `next` without parameters is the handler itself
 * (`mw(req, res, () => handler(req, res))`), which would drop an error passed to it.
 */
function takesErrors(next: NextFunction): boolean {
  return next.length > 0;
}

const ignore = () => {};

/**
 * Calls `next()`. When it returns a Promise that rejects, the error goes to `next(err)` for a
 * framework's `next`, else it is answered (500, or 503 for an unreachable store) and logged.
 */
function proceed(res: ServerResponse, next: NextFunction): void | Promise<void> {
  const ret = next() as void | Promise<void>;
  if (typeof (ret as Promise<void> | undefined)?.then !== "function") return ret;
  Promise.resolve(ret).then(undefined, (err: unknown) =>
    takesErrors(next) ? next(err) : answerError(res, err),
  );
  return ret;
}

/** A session that could not be loaded: `next(err)` for a framework's `next`, else answered. */
function loadFailed(res: ServerResponse, next: NextFunction, err: unknown): void {
  if (takesErrors(next)) next(err);
  else answerError(res, err);
}

/** The Promise of an awaited load, then `next()`; marked handled (its errors were answered). */
function afterLoad(
  loading: Promise<unknown>,
  res: ServerResponse,
  next: NextFunction,
): Promise<void> {
  const p = loading.then(
    () => proceed(res, next),
    (err: unknown) => loadFailed(res, next, err),
  );
  p.then(undefined, ignore);
  return p;
}

/**
 * Middleware giving each request the session `name` of `store` (read it with `Default`).
 * A request carrying the cookie is resolved before `next()`, by awaiting `store.Get`. One
 * without it costs no store call until the session is used, when the store has `NewSession`.
 * A session that cannot be read (bad cookie, or the store unreachable under the default
 * outage policy) is logged and replaced by a new one, as in Go.
 *
 * Errors never end the process. A rejected `store.Get` (a store that fails instead, as under
 * `OutagePolicy.Fail`) and a Promise returned by `next` that rejects (a handler's error, a
 * failed `await s.Save()`) go to `next(err)` when `next` declares a parameter (Connect's,
 * Express's); otherwise (`http.createServer` passing the handler as `next`) the request is
 * answered with a 503 when the store is unreachable or a 500, the response ended when its
 * headers were sent, and the error logged through the sessions logger. A synchronous throw
 * of `next` propagates to the caller.
 *
 * Throws a `SessionsTypeError` (`ERR_INVALID_CONFIG`) for a cookie name Go would refuse and
 * for a store that is no `Store` (a Promise: a forgotten `await`).
 */
export function New(name: string, store: Store): Middleware {
  checkName(name);
  checkStore("sessions: New", store);
  return function sessions(req, res, next) {
    const s = new RequestSession(name, req, res, store);
    (req as WithSessions)[sessionsSlot] = s;
    if (!mustLoad(req, name, store)) return proceed(res, next);
    return afterLoad(loadRequestSession(s), res, next);
  };
}

/** Like `New`, for several sessions of one store (read them with `DefaultMany`). */
export function Many(names: readonly string[], store: Store): Middleware {
  if (!Array.isArray(names)) {
    throw new SessionsTypeError("ERR_INVALID_CONFIG", "sessions: Many: names must be an array");
  }
  for (const name of names) checkName(name);
  checkStore("sessions: Many", store);
  return function sessionsMany(req, res, next) {
    const all = new Map<string, RequestSession>();
    let loads: Promise<void>[] | undefined;
    for (const name of names) {
      const s = new RequestSession(name, req, res, store);
      all.set(name, s);
      if (mustLoad(req, name, store)) {
        loads ??= [];
        loads.push(loadRequestSession(s));
      }
    }
    (req as WithSessions)[sessionsSlot] = all;
    if (loads === undefined) return proceed(res, next);
    return afterLoad(Promise.all(loads), res, next);
  };
}

/** @deprecated Use `New`. */
export function Sessions(name: string, store: Store): Middleware {
  return New(name, store);
}

/** @deprecated Use `Many`. */
export function SessionsMany(names: readonly string[], store: Store): Middleware {
  return Many(names, store);
}

/** @internal The sessions the middleware left on `req`, if any. */
export function sessionsOf(
  req: IncomingMessage,
): RequestSession | Map<string, RequestSession> | undefined {
  return (req as WithSessions)[sessionsSlot];
}
