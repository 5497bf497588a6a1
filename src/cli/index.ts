export type { Io } from "./Io.ts";
export { run } from "./run.ts";
