/**
 * The store given to `New`/`Many`, checked when the middleware is made: a forgotten `await`
 * (`New(name, redis.NewStore(...))` passes a Promise) or something that is no store would
 * otherwise fail on the first request.
 */
import { SessionsTypeError } from "./SessionsError.ts";
import type { Store } from "./Store.ts";

const methods = ["Get", "New", "Save", "Options"] as const;

/** Throws a `SessionsTypeError` (`ERR_INVALID_CONFIG`) unless `store` has the `Store` methods. */
export function checkStore(where: string, store: unknown): asserts store is Store {
  if (typeof (store as { then?: unknown } | null)?.then === "function") {
    throw new SessionsTypeError(
      "ERR_INVALID_CONFIG",
      `${where}: the store is a Promise; did you forget await? (const store = await redis.NewStore(...))`,
    );
  }
  const missing = methods.filter(
    (m) => typeof (store as Record<string, unknown> | null)?.[m] !== "function",
  );
  if (typeof store !== "object" || store === null || missing.length > 0) {
    throw new SessionsTypeError(
      "ERR_INVALID_CONFIG",
      `${where}: the store is not a Store (missing ${missing.join(", ")}): pass one made by cookie.NewStore, redis.NewStore or rediscluster.NewStore`,
    );
  }
}
