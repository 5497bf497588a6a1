/**
 * Session values as MessagePack, for a Go service whose hertz `Serializer` runs
 * github.com/vmihailenco/msgpack/v5 (v5.4.1, default options) on a `map[string]interface{}`
 * shaped like hertz-contrib/sessions v1.0.3's `JSONSerializer` (`serializer.go`):
 *
 * ```go
 * func (MsgpackSerializer) Serialize(ss *sessions.Session) ([]byte, error) {
 *     m := make(map[string]interface{}, len(ss.Values))
 *     for k, v := range ss.Values {
 *         ks, ok := k.(string)
 *         if !ok { return nil, fmt.Errorf("non-string key value, cannot serialize session to msgpack: %v", k) }
 *         m[ks] = v
 *     }
 *     return msgpack.Marshal(m)
 * }
 * func (MsgpackSerializer) Deserialize(d []byte, ss *sessions.Session) error {
 *     m := make(map[string]interface{})
 *     if err := msgpack.Unmarshal(d, &m); err != nil { return err }
 *     for k, v := range m { ss.Values[k] = v }
 *     return nil
 * }
 * ```
 *
 * Wire forms (the same as vmihailenco's for the Go value of the TypeScript one): an integral
 * `number` in the smallest integer form (as Go's `int`), any other `number` as float64, a
 * `bigint` as uint64 (>= 0) or int64, strings as str, `Uint8Array` as bin, `Date` as the
 * timestamp extension (-1), arrays as arrays, plain objects and `Map`s with string keys as maps.
 *
 * MessagePack carries no Go types: Go reads an integer as the narrowest type of its form
 * (`1` is an `int8`, `200` a `uint8`), even when Go wrote an `int`, so a Go reader uses a type
 * switch (or `Decoder.UseLooseInterfaceDecoding(true)`: int64 / uint64 / float64). Reading here
 * gives a `number` for every integer that fits one exactly (else a `bigint`), plain objects
 * for maps and a `Date` for timestamps.
 */
import { Decoder, Encoder } from "@msgpack/msgpack";
import type { GorillaSession } from "../sessions/GorillaSession.ts";
import { SessionsError } from "../sessions/SessionsError.ts";
import { goKeyText } from "./goKeyText.ts";
import { msgpackDeeperThan } from "./msgpackDepth.ts";
import { checkRead, type ReadLimits, resolveReadLimits } from "./ReadLimits.ts";
import type { SessionSerializer } from "./SessionSerializer.ts";

const encoder = new Encoder();
/** For values holding a `bigint`: every integer beyond 32 bits is then given as a `bigint`. */
const bigIntEncoder = new Encoder({ useBigInt64: true });

/**
 * A decoder for a value of `length` bytes. @msgpack/msgpack allocates an array of the length
 * a header declares before reading its elements, so a 5-byte header could claim 16 million;
 * each element takes at least one byte (a map entry two), which bounds every declared length.
 */
function decoderFor(length: number): Decoder {
  return new Decoder({
    useBigInt64: true,
    maxStrLength: length,
    maxBinLength: length,
    maxExtLength: length,
    maxArrayLength: length,
    maxMapLength: length >>> 1,
  });
}

interface Walk {
  bigint: boolean;
}

/** Copies what @msgpack/msgpack would get wrong: a `Map` (it writes `{}`) becomes an object. */
function prepare(v: unknown, walk: Walk): unknown {
  if (typeof v === "bigint") {
    walk.bigint = true;
    return v;
  }
  if (typeof v !== "object" || v === null || ArrayBuffer.isView(v) || v instanceof Date) return v;
  if (v instanceof Map) return mapToObject(v, walk);
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const e = prepare(v[i], walk);
      if (e === v[i]) continue;
      if (out === undefined) out = v.slice();
      out[i] = e;
    }
    return out ?? v;
  }
  let out: Record<string, unknown> | undefined;
  const obj = v as Record<string, unknown>;
  for (const k of Object.keys(obj)) {
    const e = prepare(obj[k], walk);
    if (e === obj[k]) continue;
    if (out === undefined) out = Object.assign(Object.create(null), obj) as Record<string, unknown>;
    out[k] = e;
  }
  return out ?? v;
}

function mapToObject(m: Map<unknown, unknown>, walk: Walk): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const [k, v] of m) {
    if (typeof k !== "string") {
      throw new SessionsError(
        "ERR_ENCODE_VALUE",
        `non-string key value, cannot serialize session to msgpack: ${goKeyText(k)}`,
      );
    }
    out[k] = prepare(v, walk);
  }
  return out;
}

/** With `useBigInt64`, integers beyond 32 bits must be bigints to stay integers. */
function widenIntegers(v: unknown): unknown {
  if (typeof v === "number") {
    return Number.isSafeInteger(v) && (v >= 0x1_0000_0000 || v < -0x8000_0000) ? BigInt(v) : v;
  }
  if (typeof v !== "object" || v === null || ArrayBuffer.isView(v) || v instanceof Date) return v;
  if (Array.isArray(v)) return v.map(widenIntegers);
  const out: Record<string, unknown> = Object.create(null);
  for (const k of Object.keys(v)) out[k] = widenIntegers((v as Record<string, unknown>)[k]);
  return out;
}

/** A `bigint` that fits a `number` exactly becomes one (the decoder gives every 64-bit form as bigint). */
function narrowIntegers(v: unknown): unknown {
  if (typeof v === "bigint") {
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(v)
      : v;
  }
  if (typeof v !== "object" || v === null || ArrayBuffer.isView(v) || v instanceof Date) return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = narrowIntegers(v[i]);
    return v;
  }
  const obj = v as Record<string, unknown>;
  for (const k of Object.keys(obj)) obj[k] = narrowIntegers(obj[k]);
  return v;
}

/**
 * Reading refuses a value longer than `maxLength` bytes or nested deeper than `maxDepth`
 * (defaults 1 MiB and 64, see `ReadLimits`).
 */
export class MsgpackSerializer implements SessionSerializer {
  private readonly limits: Required<ReadLimits>;

  constructor(limits?: ReadLimits) {
    this.limits = resolveReadLimits(limits);
  }

  /** Throws Go's error for a key that is not a string. */
  Serialize(ss: GorillaSession): Uint8Array {
    const walk: Walk = { bigint: false };
    const m = mapToObject(ss.Values, walk);
    return walk.bigint ? bigIntEncoder.encode(widenIntegers(m)) : encoder.encode(m);
  }

  /** `msgpack.Unmarshal` into a `map[string]interface{}`, whose entries are added to `ss.Values`. */
  Deserialize(d: Uint8Array, ss: GorillaSession): void {
    const code = d[0];
    // Go's mapLen: nil, fixmap, map16, map32.
    if (code === undefined) throw new SessionsError("ERR_DECODE_VALUE", "EOF");
    if (code === 0xc0) return;
    if (!((code >= 0x80 && code <= 0x8f) || code === 0xde || code === 0xdf)) {
      throw new SessionsError(
        "ERR_DECODE_VALUE",
        `msgpack: unexpected code=${code.toString(16)} decoding map length`,
      );
    }
    checkRead("MsgpackSerializer", d, this.limits, msgpackDeeperThan);
    // Decoded from a plain view: bin values are views of the input, and they are Uint8Arrays
    // (Go's []byte) even when the input is a Buffer, as ioredis gives it.
    const bytes = new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
    const m = narrowIntegers(decoderFor(d.length).decode(bytes)) as Record<string, unknown>;
    for (const k of Object.keys(m)) ss.Values.set(k, m[k]);
  }
}
