/**
 * Session values as JSON.
 * Port of hertz-contrib/sessions v1.0.3 `serializer.go` (`JSONSerializer`).
 */
import { marshalJSON } from "../internal/marshalJSON.ts";
import type { GorillaSession } from "../sessions/GorillaSession.ts";
import { errorText, logError } from "../sessions/logger.ts";
import { SessionsError } from "../sessions/SessionsError.ts";
import { goKeyText } from "./goKeyText.ts";
import { checkRead, type ReadLimits, resolveReadLimits } from "./ReadLimits.ts";
import type { SessionSerializer } from "./SessionSerializer.ts";

const utf8 = new TextDecoder();

/**
 * `json.Marshal` of the values as a `map[string]interface{}` (keys sorted, HTML escaped, as
 * Go writes them). Reading gives what Go's `interface{}` gets: every number is a `number`
 * (Go's float64), objects are plain objects, byte slices come back as base64 strings.
 *
 * Reading refuses a value longer than `maxLength` bytes or nested deeper than `maxDepth`
 * (defaults 1 MiB and 64, see `ReadLimits`).
 */
export class JSONSerializer implements SessionSerializer {
  private readonly limits: Required<ReadLimits>;

  constructor(limits?: ReadLimits) {
    this.limits = resolveReadLimits(limits);
  }

  /** Throws Go's error for a key that is not a string. */
  Serialize(ss: GorillaSession): Uint8Array {
    const m: Record<string, unknown> = Object.create(null);
    for (const [k, v] of ss.Values) {
      if (typeof k !== "string") {
        const err = new SessionsError(
          "ERR_ENCODE_VALUE",
          `non-string key value, cannot serialize session to JSON: ${goKeyText(k)}`,
        );
        logError(`redistore.JSONSerializer.serialize() Error: ${err.message}`);
        throw err;
      }
      m[k] = v;
    }
    const text = marshalJSON(m);
    // json.Marshal: the Encoder's text without its trailing newline.
    return Buffer.from(text.slice(0, -1), "utf8");
  }

  /** `json.Unmarshal` into a `map[string]interface{}`, whose entries are added to `ss.Values`. */
  Deserialize(d: Uint8Array, ss: GorillaSession): void {
    let m: unknown;
    try {
      checkRead("JSONSerializer", d, this.limits, deeperThan);
      m = JSON.parse(utf8.decode(d));
      if (typeof m !== "object" || Array.isArray(m)) {
        const kind = Array.isArray(m) ? "array" : typeof m === "boolean" ? "bool" : typeof m;
        throw new SessionsError(
          "ERR_DECODE_VALUE",
          `json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`,
        );
      }
    } catch (err) {
      logError(`redistore.JSONSerializer.deserialize() Error: ${errorText(err)}`);
      throw err;
    }
    // JSON null leaves the map as it is, as Go does.
    if (m === null) return;
    for (const k of Object.keys(m)) ss.Values.set(k, (m as Record<string, unknown>)[k]);
  }
}

/** Whether JSON text nests arrays and objects deeper than `max` (strings skipped). */
function deeperThan(d: Uint8Array, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < d.length; i++) {
    const c = d[i];
    if (c === 0x22) {
      // A string: on to its closing quote, stepping over escaped characters.
      for (i++; i < d.length && d[i] !== 0x22; i++) if (d[i] === 0x5c) i++;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}
