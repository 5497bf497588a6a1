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

/** A session the cache holds: its result, or the Promise of it when the store loaded it so. */
type Entry = SessionResult | Promise<SessionResult>;

/**
 * A request's cache: the session first asked for, and the others by name (most requests ask
 * for one, which then needs no Map).
 */
interface Registry {
  name: string;
  entry: Entry;
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

function invalidName(name: string): Error {
  return new SessionsTypeError(
    "ERR_INVALID_CONFIG",
    `sessions: invalid character in cookie name: ${name}`,
  );
}

/**
 * gorilla's `GetRegistry(r).Get(store, name)`: the first call for a name on a request runs
 * `store.NewSync` when the store has it, else `store.New`; later calls return the same
 * session and error (a result, or the Promise of one when `New` loaded it).
 *
 * An invalid cookie name is an error without a store call. Go returns a nil session then;
 * here `store.NewSession` supplies a new empty one, so the result keeps the
 * `[session, error]` shape.
 */
function load(req: IncomingMessage, name: string, store: CachedStore): Entry {
  if (!isToken(name)) return [store.NewSession(name), invalidName(name)];
  const registry = (req as WithRegistry)[registryKey];
  if (registry?.name === name) return registry.entry;
  let entry = registry?.others?.get(name);
  if (entry !== undefined) return entry;
  entry = store.NewSync?.(req, name) ?? store.New(req, name);
  if (registry === undefined) {
    (req as WithRegistry)[registryKey] = { name, entry, others: null };
    return entry;
  }
  registry.others ??= new Map();
  registry.others.set(name, entry);
  return entry;
}

/** `load` as a Promise: `Store.Get`. */
export function requestCache(
  req: IncomingMessage,
  name: string,
  store: CachedStore,
): Promise<SessionResult> {
  return Promise.resolve(load(req, name, store));
}

/** `load` without a Promise: undefined when the session was loaded asynchronously. */
export function requestCacheSync(
  req: IncomingMessage,
  name: string,
  store: CachedStore,
): SessionResult | undefined {
  const entry = load(req, name, store);
  return Array.isArray(entry) ? entry : undefined;
}
