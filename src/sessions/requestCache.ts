/**
 * The per-request session cache behind `Store.Get`.
 * Port of gorilla/sessions v1.2.2 `sessions.go` (`GetRegistry`, `Registry.Get`); a cookie name
 * must pass `isCookieNameValid` (`lex.go`), the same check as Go's `isToken`.
 */
import type { IncomingMessage } from "node:http";
import { isToken } from "./cookieHeader.ts";
import type { GorillaSession } from "./GorillaSession.ts";
import type { SessionResult, Store } from "./Store.ts";

/**
 * Where a request keeps its cache (gorilla's `Registry`, in the request context in Go), keyed
 * by session name as Go's: a property of the request, cheaper than a WeakMap entry.
 */
const registryKey: unique symbol = Symbol("gorilla/sessions registry");

/**
 * A request's cache: the first session asked for, and the others by name (most requests ask
 * for one, which then needs no Map).
 */
interface Registry {
  name: string;
  result: Promise<SessionResult>;
  others: Map<string, Promise<SessionResult>> | null;
}

interface WithRegistry {
  [registryKey]?: Registry;
}

/** What the cache asks of a store: its uncached load and its new empty session. */
export interface CachedStore {
  New: Store["New"];
  NewSession(name: string): GorillaSession;
}

/**
 * gorilla's `GetRegistry(r).Get(store, name)`: the first call for a name on a request runs
 * `store.New`, later calls return the same session and error.
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
  if (!isToken(name)) {
    const err = new Error(`sessions: invalid character in cookie name: ${name}`);
    return Promise.resolve([store.NewSession(name), err]);
  }
  const registry = (req as WithRegistry)[registryKey];
  if (registry === undefined) {
    const result = store.New(req, name);
    (req as WithRegistry)[registryKey] = { name, result, others: null };
    return result;
  }
  if (registry.name === name) return registry.result;
  registry.others ??= new Map();
  let result = registry.others.get(name);
  if (result === undefined) {
    result = store.New(req, name);
    registry.others.set(name, result);
  }
  return result;
}
