/**
 * The session middleware.
 * Port of hertz-contrib/sessions v1.0.3 `sessions.go` (`New`, `Many`, `Sessions`,
 * `SessionsMany`) onto Connect-style `(req, res, next)` middleware.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { isToken } from "./cookieHeader.ts";
import { sessionsSlot } from "./defaultKey.ts";
import { RequestSession } from "./RequestSession.ts";
import { requestCookie } from "./requestCookie.ts";
import type { Store } from "./Store.ts";

/** Connect's `next`: continues with the next handler, or with an error handler given `err`. */
export type NextFunction = (err?: unknown) => unknown;

/**
 * Connect-style middleware, for `http.createServer` and Connect/Express. It returns what
 * `next` returns (so an async handler's rejection reaches the caller), or a Promise of it
 * when the session had to be awaited first.
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
  if (!isToken(name)) throw new TypeError(`sessions: invalid character in cookie name: ${name}`);
}

/** Whether the session `name` must be loaded before `next()` (it may be built lazily otherwise). */
function mustLoad(req: IncomingMessage, name: string, store: Store): boolean {
  return store.NewSession === undefined || requestCookie(req, name) !== undefined;
}

/**
 * Middleware giving each request the session `name` of `store` (read it with `Default`).
 * A request carrying the cookie is resolved before `next()`: at once when the store has
 * `GetSync` (the cookie store), else by awaiting `store.Get`. One without it costs no store
 * call until the session is used, when the store has `NewSession`. A failing
 * load is logged and yields a new session, as in Go; a rejected `store.Get` goes to
 * `next(err)`.
 */
export function New(name: string, store: Store): Middleware {
  checkName(name);
  return function sessions(req, res, next) {
    const s = new RequestSession(name, req, res, store);
    (req as WithSessions)[sessionsSlot] = s;
    if (!mustLoad(req, name, store)) return next() as void | Promise<void>;
    const loading = s.load();
    if (loading === null) return next() as void | Promise<void>;
    return loading.then(() => next(), next) as Promise<void>;
  };
}

/** Like `New`, for several sessions of one store (read them with `DefaultMany`). */
export function Many(names: readonly string[], store: Store): Middleware {
  for (const name of names) checkName(name);
  return function sessionsMany(req, res, next) {
    const all = new Map<string, RequestSession>();
    let loads: Promise<void>[] | undefined;
    for (const name of names) {
      const s = new RequestSession(name, req, res, store);
      all.set(name, s);
      if (mustLoad(req, name, store)) {
        const loading = s.load();
        if (loading !== null) {
          if (loads === undefined) loads = [];
          loads.push(loading);
        }
      }
    }
    (req as WithSessions)[sessionsSlot] = all;
    if (loads === undefined) return next() as void | Promise<void>;
    return Promise.all(loads).then(() => next(), next) as Promise<void>;
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
