/**
 * Rolling expiry (opt-in per store: `SetRolling(true)`): a session that is only read is saved
 * again, renewing its cookie's expiry (and its Redis TTL), once half of its `MaxAge` has
 * passed since its cookie was issued. The issue time is the securecookie timestamp inside the
 * cookie, so most reads write nothing. The middleware renews a session that is due when it
 * loads it, before the handler runs (`RequestSession`), so a handler that never calls `Save()`
 * renews it too; `Session.Touch()` makes the next `Save()` renew at once.
 */
import { Timestamp } from "../securecookie/timestamp.ts";
import type { GorillaSession } from "./GorillaSession.ts";

const issuedAt = new WeakMap<GorillaSession, number>();

/** Remembers when the cookie `value` that `session` was loaded from was issued. */
export function rememberIssued(session: GorillaSession, value: string): void {
  const t = Timestamp(value);
  if (t !== null) issuedAt.set(session, t);
}

/**
 * Whether `session` is due for renewal: loaded from a cookie of a rolling store issued at least
 * half its `MaxAge` ago. Answers true once; the save that follows renews it.
 */
export function takeRenewal(session: GorillaSession, now = Math.floor(Date.now() / 1000)): boolean {
  const issued = issuedAt.get(session);
  if (issued === undefined) return false;
  const maxAge = session.Options.MaxAge ?? 0;
  if (maxAge <= 0 || now - issued < maxAge / 2) return false;
  issuedAt.delete(session);
  return true;
}
