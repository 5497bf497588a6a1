/**
 * How the Redis stores turn session values into bytes.
 * Port of hertz-contrib/sessions v1.0.3 `serializer.go` (`Serializer`); the implementations
 * live in their own files and are re-exported here.
 */
import type { GorillaSession } from "../sessions/GorillaSession.ts";

/** Both methods throw where Go returns an error. */
export interface Serializer {
  /** The bytes of `ss.Values`. */
  Serialize(ss: GorillaSession): Uint8Array;
  /** Reads `d` into `ss.Values` (entries are added to those already there, as in Go). */
  Deserialize(d: Uint8Array, ss: GorillaSession): void;
}

export { GobSerializer } from "./GobSerializer.ts";
export { JSONSerializer } from "./JSONSerializer.ts";
export { MsgpackSerializer } from "./MsgpackSerializer.ts";
