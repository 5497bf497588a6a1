/**
 * ioredis `Cluster` options of the cluster store.
 * Port of hertz-contrib/sessions v1.0.3 `rediscluster/redisc_store.go` (`newOption`).
 */
import type { ClusterNode, ClusterOptions } from "ioredis";
import { addressOptions } from "../internal/redisStore/addressOptions.ts";

/** Options of each node connection (ioredis `redisOptions`). */
export type NodeOptions = NonNullable<ClusterOptions["redisOptions"]>;

/**
 * Go's `NewClient func(opt *redis.Options) *redis.Client` hook. ioredis builds the node
 * connections itself, so the hook receives the node options and returns the ones to use;
 * it is called once, and its result applies to every node.
 */
export type NewClient = (opt: NodeOptions) => NodeOptions;

/** Go's `redis.ClusterOptions`: seed nodes plus ioredis `Cluster` options. */
export interface ClusterStoreOptions extends ClusterOptions {
  /** Seed nodes (Go: `Addrs`): `"host:port"` strings or `{ host, port }` objects. */
  nodes: ClusterNode[];
}

/**
 * Defaults under the caller's options, chosen so that an unreachable cluster or node yields
 * errors in bounded time, and failovers and restarts are picked up without restarting Node.
 */
export const DefaultClusterOptions: Readonly<ClusterOptions> = Object.freeze({
  /** The store connects explicitly, so that a failure at start rejects `NewStore`. */
  lazyConnect: true,
  /**
   * A command issued while the whole cluster is unreachable fails at once instead of waiting
   * in a queue with no deadline. Failover of a single master is covered by ioredis's retries
   * (`retryDelayOnFailover`, `maxRedirections`) and `commandTimeout`.
   */
  enableOfflineQueue: false,
  redisOptions: Object.freeze({
    /** Milliseconds to establish a node connection (ioredis's default: 10000). */
    connectTimeout: 2000,
    /** Milliseconds after which a GET/SETEX/DEL rejects, retries included (default: none). */
    commandTimeout: 1000,
    /** Milliseconds without a byte while replies are due before a node connection is replaced. */
    socketTimeout: 2000,
    /** Queued node commands fail after one failed reconnection (default: 20). */
    maxRetriesPerRequest: 1,
    /** RESP2 with a plain `AUTH password` (go-redis v9 negotiates RESP3; the replies used are alike). */
    protocol: 2 as const,
    /** No `CLIENT SETINFO` at connect time. */
    disableClientInfo: true,
  }),
});

/**
 * Go's `newOption(addrs, password, maxIdleConns, newClient)`. `maxIdleConns` has no ioredis
 * counterpart (one connection per node) and is not used.
 */
export function newOption(
  addrs: string[],
  password: string,
  _maxIdleConns: number,
  newClient?: NewClient | null,
): ClusterStoreOptions {
  const nodes = addrs.map((addr) => {
    const { host, port } = addressOptions("tcp", addr);
    return { host, port };
  });
  let redisOptions: NodeOptions = password !== "" ? { password } : {};
  if (newClient)
    redisOptions = newClient({ ...DefaultClusterOptions.redisOptions, ...redisOptions });
  return { nodes, redisOptions };
}
