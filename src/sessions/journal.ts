/**
 * The changes a request made to its session, kept so that a store can make them again on
 * values another request wrote meanwhile (the Redis stores' compare-and-set, see
 * `../internal/redisStore/compareAndSet.ts`). A store opens the journal of the sessions it hands out; the
 * request's `Set`, `Delete`, `Clear`, `AddFlash`, `Flashes` and `Update` record into it.
 * Sessions without a journal record nothing.
 */
import type { GorillaSession } from "./GorillaSession.ts";

/** One change, as a function that makes it on any session's values. */
export type Change = (session: GorillaSession) => void;

const journals = new WeakMap<GorillaSession, Change[]>();

/** Starts recording the changes made to `session`. */
export function openJournal(session: GorillaSession): void {
  journals.set(session, []);
}

/** The changes recorded for `session` since it was loaded or last saved; undefined when none are kept. */
export function journalOf(session: GorillaSession): Change[] | undefined {
  return journals.get(session);
}
