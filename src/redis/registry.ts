/**
 * The per-request session registry behind `Store.Get`.
 * Port of gorilla/sessions v1.2.2 `sessions.go` (`GetRegistry`, `Registry.Get`) and `lex.go`
 * (`isCookieNameValid`).
 */
import type { IncomingMessage } from "node:http";
import type { SessionResult } from "../sessions/Store.ts";

/** One registry per request, keyed by session name (as gorilla's, shared by all stores). */
const registries = new WeakMap<IncomingMessage, Map<string, Promise<SessionResult>>>();

/** RFC 7230 `tchar`: the characters gorilla accepts in a cookie name. */
const tokenChars = "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const isToken = new Uint8Array(127);
for (let i = 0; i < tokenChars.length; i++) isToken[tokenChars.charCodeAt(i)] = 1;

/** gorilla's `isCookieNameValid`: non-empty and made of token characters only. */
export function isCookieNameValid(name: string): boolean {
  if (name === "") return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 127 || isToken[c] === 0) return false;
  }
  return true;
}

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
  if (!isCookieNameValid(name)) {
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
