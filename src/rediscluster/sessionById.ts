/**
 * Session access by ID, outside a request.
 * Port of hertz-contrib/sessions v1.0.3 `rediscluster/redisc_store.go` (`LoadSessionBySessionId`,
 * `SaveSessionWithoutContext`).
 */
import { GorillaSession } from "../sessions/GorillaSession.ts";
import type { Store } from "./Store.ts";

/**
 * The session stored under `sessionId`, or `null` when the cluster holds no such key (Go
 * returns go-redis's `redis: nil` error then). Rejects on a Redis or deserialization error.
 */
export async function LoadSessionBySessionId(
  s: Store,
  sessionId: string,
): Promise<GorillaSession | null> {
  const session = GorillaSession.New(s, "");
  session.ID = sessionId;
  return (await s.load(session)) ? session : null;
}

/**
 * Stores `session` under `sessionId` (setting `session.ID`) with `SETEX`, its TTL being
 * `session.Options.MaxAge` or the store's `DefaultMaxAge` when that is 0. Writes no cookie.
 */
export function SaveSessionWithoutContext(
  s: Store,
  sessionId: string,
  session: GorillaSession,
): Promise<void> {
  session.ID = sessionId;
  return s.save(session);
}
