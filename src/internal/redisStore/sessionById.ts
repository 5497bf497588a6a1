/**
 * Session access by ID, outside a request, for both Redis stores.
 * Port of hertz-contrib/sessions v1.0.3 `redis/redistore.go` and
 * `rediscluster/redisc_store.go` (`LoadSessionBySessionId`, `SaveSessionWithoutContext`: the
 * same code over different clients).
 */
import type { GorillaSession } from "../../sessions/GorillaSession.ts";
import { loadBySessionId, type RedisSessionStore, saveBySessionId } from "./RedisSessionStore.ts";

/**
 * The session stored under `sessionId`, or `null` when Redis holds no such key (Go's cluster
 * store returns go-redis's `redis: nil` error then). Rejects on a Redis or deserialization
 * error. The session has an empty name and empty options, as in Go.
 */
export function LoadSessionBySessionId(
  s: RedisSessionStore,
  sessionId: string,
): Promise<GorillaSession | null> {
  return loadBySessionId(s, sessionId);
}

/**
 * Stores `session` under `sessionId` (setting `session.ID`) with `SETEX`, its TTL being
 * `session.Options.MaxAge` or the store's `DefaultMaxAge` when that is 0. Writes no cookie.
 */
export function SaveSessionWithoutContext(
  s: RedisSessionStore,
  sessionId: string,
  session: GorillaSession,
): Promise<void> {
  return saveBySessionId(s, sessionId, session);
}
