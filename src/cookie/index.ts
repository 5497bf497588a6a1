export type { Store } from "../sessions/Store.ts";
export { NewStore } from "./newStore.ts";
