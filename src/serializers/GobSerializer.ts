/**
 * Session values as Go's `encoding/gob`.
 * Port of hertz-contrib/sessions v1.0.3 `serializer.go` (`GobSerializer`).
 */
import { decode, encode } from "../gob/index.ts";
import type { GorillaSession } from "../sessions/GorillaSession.ts";
import { SessionsError } from "../sessions/SessionsError.ts";
import type { SessionSerializer } from "./SessionSerializer.ts";

/** The Redis stores' default: `gob.NewEncoder(buf).Encode(ss.Values)`, byte for byte. */
export class GobSerializer implements SessionSerializer {
  Serialize(ss: GorillaSession): Uint8Array {
    return encode(ss.Values);
  }

  /**
   * Go's `dec.Decode(&ss.Values)`: gob fills the existing map, so decoded entries are added
   * to (and override) those already in `ss.Values`.
   */
  Deserialize(d: Uint8Array, ss: GorillaSession): void {
    const values = decode(d);
    if (!(values instanceof Map)) {
      throw new SessionsError(
        "ERR_DECODE_VALUE",
        "gob: decoding into local type *map[interface {}]interface {}, received remote type that is not map[interface {}]interface {}",
      );
    }
    if (ss.Values.size === 0) {
      ss.Values = values;
      return;
    }
    for (const [k, v] of values) ss.Values.set(k, v);
  }
}
