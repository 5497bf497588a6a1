/**
 * Errors of the Redis client as errors of the sessions family: an unreachable Redis (refused,
 * timed out, closed, retries exhausted, or answering that it cannot serve now) is
 * `ERR_STORE_UNAVAILABLE`; another error reply (`WRONGTYPE`, `invalid expire time`) is
 * `ERR_STORE_REPLY`. The message is the client's, the client's error the `cause`.
 */
import { SessionsError } from "../../sessions/SessionsError.ts";

/** Error replies by which Redis says it cannot serve now (a restart, a failover, memory). */
const unavailableReplies =
  /^(LOADING|BUSY|MASTERDOWN|CLUSTERDOWN|TRYAGAIN|OOM|READONLY|NOREPLICAS|MISCONF)\b/;

export function storeError(err: unknown): SessionsError {
  if (err instanceof SessionsError) return err;
  const e = err instanceof Error ? err : new Error(String(err));
  const reply = e.name === "ReplyError" && !unavailableReplies.test(e.message);
  return new SessionsError(reply ? "ERR_STORE_REPLY" : "ERR_STORE_UNAVAILABLE", e.message, {
    cause: e,
  });
}

/** Throws `storeError(err)`: the rejection handler of a store call. */
export function throwStoreError(err: unknown): never {
  throw storeError(err);
}

/** `p`, its rejection turned into a `storeError`. */
export function storeCall<T>(p: Promise<T>): Promise<T> {
  return p.catch(throwStoreError);
}
