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

/**
 * A request's cache: the session first asked for, and the others by name (most requests ask
 * for one, which then needs no Map).
 */
interface Registry {
  name: string;
  entry: Promise<SessionResult>;
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

function invalidName(name: string): Error {
  return new SessionsTypeError(
    "ERR_INVALID_CONFIG",
    `sessions: invalid character in cookie name: ${name}`,
  );
}

/**
 * gorilla's `GetRegistry(r).Get(store, name)`, `Store.Get`: the first call for a name on a
 * request runs `store.New`; later calls return the same session and error.
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
  const registry = (req as WithRegistry)[registryKey];
  if (registry?.name === name) return registry.entry;
  let entry = registry?.others?.get(name);
  if (entry !== undefined) return entry;
  entry = store.New(req, name);
  if (registry === undefined) {
    (req as WithRegistry)[registryKey] = { name, entry, others: null };
    return entry;
  }
  registry.others ??= new Map();
  registry.others.set(name, entry);
  return entry;
}
