/**
 * What a Redis store does when Redis cannot be reached while a request's session is read.
 * (No Go counterpart: Go's stores always do what `NewSession` does.)
 */
export const OutagePolicy = Object.freeze({
  /**
   * The default, Go's behaviour: the request gets a new, empty session and the error is logged
   * (`[sessions] ERROR! ...`). The service stays up, but a logged-in user is logged out for
   * that request, and a `Save()` that follows overwrites nothing (it fails too, or, once Redis
   * is back, writes a new session).
   */
  NewSession: "new-session",
  /**
   * `store.Get` rejects with a `SessionsError` `ERR_STORE_UNAVAILABLE`: the middleware answers
   * 503 (or passes it to Express's `next(err)`) instead of serving the request logged out.
   */
  Fail: "fail",
} as const);

export type OutagePolicy = (typeof OutagePolicy)[keyof typeof OutagePolicy];
