/**
 * The per-request session registry behind `Store.Get`.
 * Port of gorilla/sessions v1.2.2 `sessions.go` (`GetRegistry`, `Registry.Get`); a cookie name
 * must pass `isCookieNameValid` (`lex.go`), the same check as Go's `isToken`.
 */
import type { IncomingMessage } from "node:http";
import { isToken } from "../sessions/cookieHeader.ts";
import type { SessionResult } from "../sessions/Store.ts";

/** One registry per request, keyed by session name, as gorilla's. */
const registries = new WeakMap<IncomingMessage, Map<string, Promise<SessionResult>>>();

/**
 * gorilla's `GetRegistry(r).Get(store, name)`: the first call for a name on a request runs
 * `load` (the store's `New`), later calls return the same session and error.
 *
 * An invalid cookie name is an error without a store call. Go returns a nil session then;
 * here `empty()` supplies a new empty session, so the result keeps the `[session, error]` shape.
 */
export function registryGet(
  req: IncomingMessage,
  name: string,
  load: () => Promise<SessionResult>,
  empty: () => SessionResult[0],
): Promise<SessionResult> {
  if (!isToken(name)) {
    return Promise.resolve([
      empty(),
      new Error(`sessions: invalid character in cookie name: ${name}`),
    ]);
  }
  let registry = registries.get(req);
  if (registry === undefined) {
    registry = new Map();
    registries.set(req, registry);
  }
  let entry = registry.get(name);
  if (entry === undefined) {
    entry = load();
    registry.set(name, entry);
  }
  return entry;
}
