/**
 * Session access by ID, outside a request.
 * Port of hertz-contrib/sessions v1.0.3 `redis/redistore.go` (`LoadSessionBySessionId`,
 * `SaveSessionWithoutContext`).
 */
import type { GorillaSession } from "../sessions/GorillaSession.ts";
import type { RediStore } from "./RediStore.ts";

/**
 * The session stored under `sessionId`, or `null` when Redis holds no such key. Rejects on a
 * Redis or deserialization error. The session has an empty name and empty options, as in Go.
 */
export function LoadSessionBySessionId(
  s: RediStore,
  sessionId: string,
): Promise<GorillaSession | null> {
  return s.loadBySessionId(sessionId);
}

/**
 * Stores `session` under `sessionId` (setting `session.ID`) with `SETEX`, its TTL being
 * `session.Options.MaxAge` or the store's `DefaultMaxAge` when that is 0. Writes no cookie.
 */
export function SaveSessionWithoutContext(
  s: RediStore,
  sessionId: string,
  session: GorillaSession,
): Promise<void> {
  return s.saveBySessionId(sessionId, session);
}
