/** ioredis's client, the one the store is built on: pass it to `NewStoreWithClient`. */
export { Redis } from "ioredis";
export { OutagePolicy } from "../internal/redisStore/OutagePolicy.ts";
export {
  LoadSessionBySessionId,
  SaveSessionWithoutContext,
} from "../internal/redisStore/sessionById.ts";
export type { Store } from "../sessions/Store.ts";
export { DefaultClientOptions } from "./clientOptions.ts";
export { GetRedisStore, SetKeyPrefix } from "./getRedisStore.ts";
export { NewStore, NewStoreWithClient, NewStoreWithDB } from "./newStore.ts";
export { RediStore } from "./RediStore.ts";
