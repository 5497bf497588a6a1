/**
 * A session that cannot be serialized, with the session key to blame: Go's error (gob's
 * `gob: cannot encode a function`) says what failed but not where.
 */
import { asError } from "../internal/asError.ts";
import { isSessionsError, SessionsError } from "./SessionsError.ts";

/**
 * The error of a failed `encode(values)`: encodes each entry alone (only on this failure
 * path) and, for the first that fails, a `SessionsError` (`ERR_ENCODE_VALUE`) naming its key,
 * with that entry's error as `cause` and its innermost message at the end. When `err` names
 * its key already (the JSON and msgpack serializers' Go errors) or no single entry fails (the
 * whole is too long), `err` as it is.
 */
export function encodeError(
  err: unknown,
  sessionName: string,
  values: ReadonlyMap<unknown, unknown>,
  encode: (values: Map<unknown, unknown>) => unknown,
): Error {
  if (isSessionsError(err, "ERR_ENCODE_VALUE")) return err;
  for (const [k, v] of values) {
    try {
      encode(new Map([[k, v]]));
    } catch (e) {
      return new SessionsError(
        "ERR_ENCODE_VALUE",
        `sessions: cannot save session ${JSON.stringify(sessionName)}: the value of key ${keyText(k)} cannot be encoded: ${innermost(e)}`,
        { cause: e },
      );
    }
  }
  return asError(err);
}

function keyText(k: unknown): string {
  return typeof k === "string" ? JSON.stringify(k) : `${String(k)} (${typeof k})`;
}

/** The message of the error at the end of the `cause` chain (gob's, under securecookie's). */
function innermost(e: unknown): string {
  let cur = e;
  for (let i = 0; i < 8 && cur instanceof Error && cur.cause instanceof Error; i++) cur = cur.cause;
  return cur instanceof Error ? cur.message : String(cur);
}
