export type { Store } from "../sessions/Store.ts";
export { CookieStore } from "./CookieStore.ts";
export { NewStore } from "./newStore.ts";
