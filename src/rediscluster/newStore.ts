/**
 * Constructors of the cluster store.
 * Port of hertz-contrib/sessions v1.0.3 `rediscluster/redisc_store.go` (`NewStore`,
 * `NewStoreWithOption`).
 */
import { Cluster } from "ioredis";
import { connectWithin, ping } from "../internal/redisStore/connect.ts";
import { checkKeyPairs } from "../sessions/checkKeyPairs.ts";
import { SessionsError, SessionsTypeError } from "../sessions/SessionsError.ts";
import {
  type ClusterStoreOptions,
  DefaultClusterOptions,
  type NewClient,
  newOption,
} from "./clusterOptions.ts";
import { Store } from "./Store.ts";

type KeyPair = Uint8Array | null | undefined;

/**
 * Connects to the cluster seeded by `opt.nodes` (`opt` over `DefaultClusterOptions`), checks
 * every master with `PING` (Go: `ForEachShard`), and returns the store. Rejects when that fails
 * in time; the client is closed then, so nothing keeps retrying in the background.
 */
export async function NewStoreWithOption(
  opt: ClusterStoreOptions,
  ...kvs: KeyPair[]
): Promise<Store> {
  checkKeyPairs("rediscluster.NewStore", kvs);
  const { nodes, ...options } = opt;
  const rdb = new Cluster(nodes, {
    ...DefaultClusterOptions,
    ...options,
    redisOptions: { ...DefaultClusterOptions.redisOptions, ...options.redisOptions },
  });
  const r = rdb.options.redisOptions ?? {};
  const deadline =
    (r.connectTimeout ?? 10000) +
    (r.commandTimeout ?? 0) +
    (rdb.options.slotsRefreshTimeout ?? 1000);
  const where = nodes.map((n) => (typeof n === "object" ? `${n.host}:${n.port}` : String(n)));
  await connectWithin(
    rdb,
    ["error", "node error"],
    deadline,
    `rediscluster: cannot connect to ${where.join(",")}`,
    async () => {
      if (rdb.status === "wait") await rdb.connect();
      else if (rdb.status !== "ready") await ready(rdb);
      await Promise.all(rdb.nodes("master").map((node) => ping(node)));
    },
  );
  return new Store(rdb, ...kvs);
}

/**
 * Connects to the cluster seeded by `addrs` (`host:port`), with `AUTH password` on every node
 * when it is not empty. `maxIdle` is not used (ioredis keeps one connection per node);
 * `newClient`, when given, adjusts the node options (see `NewClient`).
 * `kvs` alternate hash key and block key (`null` for none), as `securecookie.CodecsFromPairs`.
 */
export function NewStore(
  maxIdle: number,
  addrs: string[],
  password: string,
  newClient?: NewClient | null,
  ...kvs: KeyPair[]
): Promise<Store> {
  let opt: ClusterStoreOptions;
  try {
    opt = newOption(addrs, password, maxIdle, newClient);
  } catch (err) {
    return Promise.reject(
      new SessionsTypeError(
        "ERR_INVALID_CONFIG",
        `rediscluster: cannot connect to ${addrs.join(",")}: ${(err as Error).message}`,
        { cause: err },
      ),
    );
  }
  return NewStoreWithOption(opt, ...kvs);
}

/** Waits for a cluster that connects by itself (`lazyConnect: false`) to be ready. */
function ready(rdb: Cluster): Promise<void> {
  return new Promise((resolve, reject) => {
    const onReady = () => {
      rdb.off("end", onEnd);
      resolve();
    };
    const onEnd = () => {
      rdb.off("ready", onReady);
      reject(new SessionsError("ERR_STORE_UNAVAILABLE", "Connection is closed."));
    };
    rdb.once("ready", onReady);
    rdb.once("end", onEnd);
  });
}
