/** ioredis's client, the one the store is built on: pass it to `NewStoreWithClient`. */
export { Redis } from "ioredis";
export type { Store } from "../sessions/Store.ts";
export { DefaultClientOptions } from "./clientOptions.ts";
export { GetRedisStore, SetKeyPrefix } from "./getRedisStore.ts";
export { NewStore, NewStoreWithClient, NewStoreWithDB } from "./newStore.ts";
export { OutagePolicy } from "./OutagePolicy.ts";
export { RediStore } from "./RediStore.ts";
export { LoadSessionBySessionId, SaveSessionWithoutContext } from "./sessionById.ts";
