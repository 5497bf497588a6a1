/** ioredis's clients, the ones the store is built on. */
export { Cluster, Redis } from "ioredis";
export { OutagePolicy } from "../internal/redisStore/OutagePolicy.ts";
export {
  LoadSessionBySessionId,
  SaveSessionWithoutContext,
} from "../internal/redisStore/sessionById.ts";
export {
  type ClusterStoreOptions,
  DefaultClusterOptions,
  type NewClient,
  type NodeOptions,
} from "./clusterOptions.ts";
export { NewStore, NewStoreWithOption } from "./newStore.ts";
export { Store } from "./Store.ts";
