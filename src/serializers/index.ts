export { GobSerializer } from "./GobSerializer.ts";
export { JSONSerializer } from "./JSONSerializer.ts";
export { MsgpackSerializer } from "./MsgpackSerializer.ts";
export type { ReadLimits } from "./ReadLimits.ts";
export { readLimitDefaults } from "./ReadLimits.ts";
export type { SessionSerializer, SessionSerializer as Serializer } from "./SessionSerializer.ts";
