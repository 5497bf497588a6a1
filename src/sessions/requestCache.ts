/**
 * The per-request session cache behind `Store.Get`.
 * Port of gorilla/sessions v1.2.2 `sessions.go` (`GetRegistry`, `Registry.Get`); a cookie name
 * must pass `isCookieNameValid` (`lex.go`), the same check as Go's `isToken`.
 */
import type { IncomingMessage } from "node:http";
import { isToken } from "./cookieHeader.ts";
import type { GorillaSession } from "./GorillaSession.ts";
import { SessionsTypeError } from "./SessionsError.ts";
import type { SessionResult, Store } from "./Store.ts";

/**
 * Where a request keeps its cache (gorilla's `Registry`, in the request context in Go), keyed
 * by session name as Go's: a property of the request, cheaper than a WeakMap entry.
 */
const registryKey: unique symbol = Symbol("gorilla/sessions registry");

/** A session the cache holds: the Promise `Get` returns, and the result itself when known. */
interface Entry {
  promise: Promise<SessionResult> | null;
  result: SessionResult | undefined;
}

/**
 * A request's cache: the entry of the first session asked for, and the others by name (most
 * requests ask for one, which then needs no Map).
 */
interface Registry extends Entry {
  name: string;
  others: Map<string, Entry> | null;
}

interface WithRegistry {
  [registryKey]?: Registry;
}

/**
 * What the cache asks of a store: its uncached load (also a synchronous one, for some) and
 * its new empty session.
 */
export interface CachedStore {
  New: Store["New"];
  NewSync?(req: IncomingMessage, name: string): SessionResult;
  NewSession(name: string): GorillaSession;
}

function cached(req: IncomingMessage, name: string): Entry | undefined {
  const registry = (req as WithRegistry)[registryKey];
  if (registry === undefined) return undefined;
  return registry.name === name ? registry : registry.others?.get(name);
}

function remember(
  req: IncomingMessage,
  name: string,
  promise: Promise<SessionResult> | null,
  result: SessionResult | undefined,
): void {
  const registry = (req as WithRegistry)[registryKey];
  if (registry === undefined) {
    (req as WithRegistry)[registryKey] = { promise, result, name, others: null };
    return;
  }
  registry.others ??= new Map();
  registry.others.set(name, { promise, result });
}

function invalidName(name: string): Error {
  return new SessionsTypeError(
    "ERR_INVALID_CONFIG",
    `sessions: invalid character in cookie name: ${name}`,
  );
}

/**
 * gorilla's `GetRegistry(r).Get(store, name)`: the first call for a name on a request runs
 * `store.New` (or `NewSync`), later calls return the same session and error.
 *
 * An invalid cookie name is an error without a store call. Go returns a nil session then;
 * here `store.NewSession` supplies a new empty one, so the result keeps the
 * `[session, error]` shape.
 */
export function requestCache(
  req: IncomingMessage,
  name: string,
  store: CachedStore,
): Promise<SessionResult> {
  if (!isToken(name)) return Promise.resolve([store.NewSession(name), invalidName(name)]);
  const entry = cached(req, name);
  if (entry !== undefined) {
    entry.promise ??= Promise.resolve(entry.result!);
    return entry.promise;
  }
  if (store.NewSync !== undefined) return Promise.resolve(loadSync(req, name, store));
  const promise = store.New(req, name);
  remember(req, name, promise, undefined);
  return promise;
}

/**
 * `requestCache` for a store with `NewSync`, without a Promise; undefined when the session
 * was loaded asynchronously first.
 */
export function requestCacheSync(
  req: IncomingMessage,
  name: string,
  store: CachedStore,
): SessionResult | undefined {
  if (!isToken(name)) return [store.NewSession(name), invalidName(name)];
  const entry = cached(req, name);
  return entry !== undefined ? entry.result : loadSync(req, name, store);
}

/** Loads the session with `store.NewSync` and caches it. */
function loadSync(req: IncomingMessage, name: string, store: CachedStore): SessionResult {
  const result = store.NewSync!(req, name);
  remember(req, name, null, result);
  return result;
}
