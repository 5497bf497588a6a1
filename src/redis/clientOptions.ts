/**
 * ioredis options of the stores that open their own connection (`NewStore`, `NewStoreWithDB`);
 * Go's `(network, address)` pair is mapped onto them by `../internal/redisStore/addressOptions.ts`.
 *
 * Go's redigo pool (`MaxIdle: size`) hands one connection to each request; ioredis multiplexes
 * all requests over one pipelined connection instead, which is faster against a single-threaded
 * Redis. `size` is therefore accepted and not used.
 */
import type { RedisOptions } from "ioredis";

/**
 * Defaults chosen so that a dead or stuck Redis yields errors in bounded time, and a restarted
 * one is picked up again without restarting Node. To change them, build the client yourself
 * (`new Redis({ ...DefaultClientOptions, ...yours })`) and pass it to `NewStoreWithClient`.
 */
export const DefaultClientOptions: Readonly<RedisOptions> = Object.freeze({
  /** Milliseconds to establish the TCP/unix connection (ioredis's default: 10000). */
  connectTimeout: 2000,
  /** Milliseconds after which a GET/SETEX/DEL rejects with "Command timed out" (default: none). */
  commandTimeout: 1000,
  /**
   * Milliseconds without any byte from Redis while replies are due, after which the connection
   * is dropped and replaced (a black-holed or half-open connection; default: none).
   */
  socketTimeout: 2000,
  /**
   * Commands issued while reconnecting wait in the offline queue (bounded by `commandTimeout`),
   * so a short Redis restart costs a little latency instead of errors.
   */
  enableOfflineQueue: true,
  /** Queued commands fail after this many failed reconnection attempts (default: 20). */
  maxRetriesPerRequest: 1,
  /** Reconnect after 100 ms, 200 ms, … capped at 1 s, forever (default: capped at 5 s). */
  retryStrategy: (times: number) => Math.min(times * 100, 1000),
  /** RESP2 with a plain `AUTH password`, the commands Go's redigo sends. */
  protocol: 2,
  /** No `CLIENT SETINFO` at connect time (Go sends none). */
  disableClientInfo: true,
  /** The store connects explicitly, so that a failure at start rejects `NewStore`. */
  lazyConnect: true,
});
