/**
 * A new session ID at the next save (`Session.Regenerate()`): the session keeps its values,
 * loses its ID (a store gives it a new one when it saves, as for a new session) and the ID it
 * had is remembered, so the store deletes what it kept under the old one.
 */
import type { GorillaSession } from "./GorillaSession.ts";

const previousIDs = new WeakMap<GorillaSession, string>();

/** Drops the ID of `session`, remembering the first one it had (none for a session never saved). */
export function regenerate(session: GorillaSession): void {
  if (!previousIDs.has(session) && session.ID !== "") previousIDs.set(session, session.ID);
  session.ID = "";
  session.IsNew = true;
}

/** The ID `session` had before `regenerate`, once: the store deletes it as it saves. */
export function takePreviousID(session: GorillaSession): string | undefined {
  const id = previousIDs.get(session);
  if (id !== undefined) previousIDs.delete(session);
  return id;
}
