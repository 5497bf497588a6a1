/**
 * A session store keeping session values in Redis and only the session ID in the cookie.
 * Port of hertz-contrib/sessions v1.0.3 `redis/redistore.go` (itself derived from boj/redistore)
 * and `redis/redis.go` (`store.Options`), onto one ioredis connection. The session logic it
 * shares with the cluster store is in `../internal/redisStore/RedisSessionStore.ts`.
 *
 * Wire format, identical to Go's:
 * - cookie: `securecookie.EncodeMulti(name, session.ID, codecs)` (gob of the ID string);
 * - ID: unpadded base32 (RFC 4648 alphabet) of 32 random bytes;
 * - Redis: `SETEX <keyPrefix><ID> <age> <serializer bytes>`, `GET` to load, `DEL` to delete.
 */
import type { Redis } from "ioredis";
import { RedisSessionStore } from "../internal/redisStore/RedisSessionStore.ts";
import type { SessionClient } from "../internal/redisStore/SessionClient.ts";
import { SecureCookie } from "../securecookie/index.ts";
import { logWarn } from "../sessions/logger.ts";

/**
 * Go's `RediStore{Pool, Codecs, Options, DefaultMaxAge}` as `{Client, Codecs, Opts,
 * DefaultMaxAge}`: `Opts` because `Options` is the method of the store contract here. `Close()`
 * is Go's `Pool.Close`.
 */
export class RediStore extends RedisSessionStore {
  /** The connection (Go: `Pool`). */
  Client: Redis;

  /** Go's `NewRediStoreWithPool` minus the `PING` (see `NewStoreWithClient`). */
  constructor(client: Redis, ...keyPairs: (Uint8Array | null | undefined)[]) {
    super("redis.NewStore", keyPairs);
    this.Client = client;
  }

  protected client(): SessionClient {
    return this.Client;
  }

  /**
   * Sets the default `MaxAge` of new sessions and the maximum age the codecs accept, as one
   * setting (the cookie timestamp is checked against the codecs' MaxAge). 0: no restriction.
   * (`Options()` leaves the codecs' MaxAge alone.)
   */
  SetMaxAge(v: number): void {
    this.Opts.MaxAge = v;
    for (const codec of this.Codecs) {
      if (codec instanceof SecureCookie) codec.MaxAge(v);
      else logWarn(`Can't change MaxAge on codec ${String(codec)}\n`);
    }
  }
}
