/**
 * A session store keeping session values in a Redis Cluster and only the session ID in the
 * cookie. Port of hertz-contrib/sessions v1.0.3 `rediscluster/redisc_store.go` onto ioredis's
 * `Cluster`. Same wire format and session logic as the single-node store
 * (`../redis/RediStore.ts`), shared in `../internal/redisStore/RedisSessionStore.ts`.
 *
 * Differences from the single-node store, as in Go: no `SetMaxAge` (`Options()` leaves the
 * codecs' MaxAge as it is). Difference from Go: a valid cookie whose key is missing (expired) is
 * no error but a new session keeping the cookie's ID, as the single-node store does (Go's
 * `load` returns go-redis's `redis: nil`).
 */
import type { Cluster } from "ioredis";
import { RedisSessionStore } from "../internal/redisStore/RedisSessionStore.ts";
import type { SessionClient } from "../internal/redisStore/SessionClient.ts";

export class Store extends RedisSessionStore {
  /** The cluster client (Go: `Rdb`). `Close()` closes every connection of it. */
  Rdb: Cluster;

  /** Go's `NewStoreWithOption` minus the connection check (see `NewStoreWithOption`). */
  constructor(rdb: Cluster, ...kvs: (Uint8Array | null | undefined)[]) {
    super("rediscluster.NewStore", kvs);
    this.Rdb = rdb;
  }

  protected client(): SessionClient {
    return this.Rdb;
  }
}
