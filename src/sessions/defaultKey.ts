/**
 * Where the middleware leaves the request's sessions.
 * Port of hertz-contrib/sessions v1.0.3 `sessions.go` (`DefaultKey`, `c.Set(DefaultKey, s)`).
 */

/** The key Hertz stores the sessions under in the request context. */
export const DefaultKey = "github.com/hertz-contrib/sessions";

/** The request property holding a `RequestSession` (New) or a `Map` of them (Many). */
export const sessionsSlot: unique symbol = Symbol.for(DefaultKey);
