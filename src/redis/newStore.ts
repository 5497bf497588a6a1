/**
 * Constructors of the Redis store.
 * Port of hertz-contrib/sessions v1.0.3 `redis/redis.go` (`NewStore`, `NewStoreWithDB`,
 * `NewStoreWithPool`) and `redis/redistore.go` (`NewRediStore*`).
 */
import type { Redis } from "ioredis";
import { ping } from "../internal/redisStore/connect.ts";
import { checkKeyPairs } from "../sessions/checkKeyPairs.ts";
import type { Store } from "../sessions/Store.ts";
import { dial } from "./dial.ts";
import { RediStore } from "./RediStore.ts";

type KeyPair = Uint8Array | null | undefined;

const where = "redis.NewStore";

/**
 * Connects to Redis and returns a store; rejects when Redis is unreachable (bounded by
 * `DefaultClientOptions`). `network` is `"tcp"` (`addr` = `host:port`) or `"unix"` (`addr` =
 * socket path); a non-empty `passwd` is sent with `AUTH`. `size` (Go: the pool's idle
 * connections) is not used: one multiplexed connection serves all requests.
 * `keyPairs` alternate hash key and block key (`null` for none), as `securecookie.CodecsFromPairs`;
 * keys no codec could use reject with a `SessionsTypeError` (`ERR_INVALID_CONFIG`) before
 * connecting.
 */
export async function NewStore(
  _size: number,
  network: string,
  addr: string,
  passwd: string,
  ...keyPairs: KeyPair[]
): Promise<Store> {
  checkKeyPairs(where, keyPairs);
  return new RediStore(await dial(network, addr, passwd), ...keyPairs);
}

/** As `NewStore`, on Redis database `db` (a decimal index, `SELECT db`; Go takes a string). */
export async function NewStoreWithDB(
  _size: number,
  network: string,
  addr: string,
  passwd: string,
  db: string | number,
  ...keyPairs: KeyPair[]
): Promise<Store> {
  checkKeyPairs(where, keyPairs);
  return new RediStore(await dial(network, addr, passwd, String(db)), ...keyPairs);
}

/**
 * A store on a client you configured yourself (Go: `NewStoreWithPool`). Rejects when the
 * client cannot `PING`; the client is left open then (it is yours). `Close` closes it.
 */
export async function NewStoreWithClient(client: Redis, ...keyPairs: KeyPair[]): Promise<Store> {
  checkKeyPairs(where, keyPairs);
  await ping(client);
  return new RediStore(client, ...keyPairs);
}
