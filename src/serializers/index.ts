export { GobSerializer } from "./GobSerializer.ts";
export { JSONSerializer } from "./JSONSerializer.ts";
export { MsgpackSerializer } from "./MsgpackSerializer.ts";
export type { ReadLimits } from "./ReadLimits.ts";
export { readLimitDefaults } from "./ReadLimits.ts";
export type { Serializer } from "./Serializer.ts";
