/**
 * Reaching the `RediStore` behind a `Store`.
 * Port of hertz-contrib/sessions v1.0.3 `redis/redis.go` (`GetRedisStore`, `SetKeyPrefix`).
 */
import { SessionsTypeError } from "../sessions/SessionsError.ts";
import type { Store } from "../sessions/Store.ts";
import { RediStore } from "./RediStore.ts";

/** The working store behind `s`; throws when `s` is not a Redis store. */
export function GetRedisStore(s: Store): RediStore {
  if (!(s instanceof RediStore)) {
    throw new SessionsTypeError(
      "ERR_INVALID_CONFIG",
      "unable to get the redis store: Store isn't *store",
    );
  }
  return s;
}

/** Sets the Redis key prefix of `s`; throws when `s` is not a Redis store. */
export function SetKeyPrefix(s: Store, prefix: string): void {
  GetRedisStore(s).SetKeyPrefix(prefix);
}
