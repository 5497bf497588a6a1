/**
 * Session access by ID, outside a request.
 * Port of hertz-contrib/sessions v1.0.3 `rediscluster/redisc_store.go` (`LoadSessionBySessionId`,
 * `SaveSessionWithoutContext`); the logic is the single-node store's (`../redis/sessionById.ts`).
 */
import type { GorillaSession } from "../sessions/GorillaSession.ts";
import type { Store } from "./Store.ts";

/**
 * The session stored under `sessionId`, or `null` when the cluster holds no such key (Go
 * returns go-redis's `redis: nil` error then). Rejects on a Redis or deserialization error.
 */
export const LoadSessionBySessionId = (
  s: Store,
  sessionId: string,
): Promise<GorillaSession | null> => s.loadBySessionId(sessionId);

/**
 * Stores `session` under `sessionId` (setting `session.ID`) with `SETEX`, its TTL being
 * `session.Options.MaxAge` or the store's `DefaultMaxAge` when that is 0. Writes no cookie.
 */
export const SaveSessionWithoutContext = (
  s: Store,
  sessionId: string,
  session: GorillaSession,
): Promise<void> => s.saveBySessionId(sessionId, session);
