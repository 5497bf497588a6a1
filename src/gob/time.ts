/**
 * `time.Time` on the wire: gob sends it as a GobEncoder, whose bytes are `MarshalBinary`'s.
 *
 * Port of `Time.AppendBinary` / `Time.UnmarshalBinary` of Go 1.26 time/time.go:
 *
 *   byte 0       version: 1, or 2 when the zone offset has a seconds part
 *   bytes 1-8    seconds since January 1, year 1 00:00:00 UTC (int64, big-endian)
 *   bytes 9-12   nanoseconds within the second (int32, big-endian)
 *   bytes 13-14  zone offset in minutes east of UTC (int16, big-endian); -1 means UTC
 *   byte 15      version 2 only: the seconds of the offset (written as int8, read unsigned,
 *                as Go does: a negative offset with seconds does not round-trip in Go)
 */
import { GobError } from "./GobError.ts";

/** Seconds from year 1 to the Unix epoch (Go's `unixToInternal`). */
const unixToInternal = 62135596800;
/** The range of a JS `Date`, in milliseconds either side of the epoch. */
const maxDateMs = 8.64e15;
const two32 = 2 ** 32;

export interface TimeValue {
  /** The `Date` time value: Unix milliseconds, floored; NaN outside the `Date` range. */
  readonly ms: number;
  /**
   * True when a fresh `Date` of `ms` encodes to the same bytes (version 1, UTC, whole
   * milliseconds), so nothing needs remembering.
   */
  readonly fresh: boolean;
}

/** Reads `MarshalBinary` bytes as Go's `UnmarshalBinary` does. */
export function unmarshalTime(b: Uint8Array): TimeValue {
  if (b.length === 0) throw new GobError("decode", "Time.UnmarshalBinary: no data");
  const version = b[0];
  if (version !== 1 && version !== 2) {
    throw new GobError("decode", "Time.UnmarshalBinary: unsupported version");
  }
  if (b.length !== (version === 2 ? 16 : 15)) {
    throw new GobError("decode", "Time.UnmarshalBinary: invalid length");
  }
  const hi = (b[1] << 24) | (b[2] << 16) | (b[3] << 8) | b[4];
  const lo = ((b[5] << 24) | (b[6] << 16) | (b[7] << 8) | b[8]) >>> 0;
  const nsec = (b[9] << 24) | (b[10] << 16) | (b[11] << 8) | b[12];
  if (nsec < 0 || nsec >= 1e9)
    throw new GobError("decode", "Time.UnmarshalBinary: invalid nanoseconds");
  const offsetMin = ((b[13] << 24) >> 16) | b[14];
  let ms = Number.NaN;
  if (Math.abs(hi) < 2 ** 20) {
    ms = (hi * two32 + lo - unixToInternal) * 1000 + Math.floor(nsec / 1e6);
    if (Math.abs(ms) > maxDateMs) ms = Number.NaN;
  }
  const fresh = version === 1 && offsetMin === -1 && nsec % 1e6 === 0 && !Number.isNaN(ms);
  return { ms, fresh };
}

/**
 * `MarshalBinary` of a time: `offsetSeconds` east of UTC, or null for UTC itself.
 * @param sec seconds since the Unix epoch
 * @param nsec nanoseconds within the second, 0 ≤ nsec < 1e9
 */
export function marshalTime(sec: number, nsec: number, offsetSeconds: number | null): Uint8Array {
  if (!Number.isSafeInteger(sec) || !Number.isInteger(nsec) || nsec < 0 || nsec >= 1e9) {
    throw new GobError("usage", "invalid time");
  }
  let version = 1;
  let offsetMin = -1;
  let offsetSec = 0;
  if (offsetSeconds !== null) {
    if (!Number.isInteger(offsetSeconds)) throw new GobError("usage", "invalid zone offset");
    if (offsetSeconds % 60 !== 0) {
      version = 2;
      offsetSec = offsetSeconds % 60;
    }
    offsetMin = Math.trunc(offsetSeconds / 60);
    if (offsetMin < -32768 || offsetMin === -1 || offsetMin > 32767) {
      throw new GobError("usage", "Time.MarshalBinary: unexpected zone offset");
    }
  }
  const internal = sec + unixToInternal;
  const hi = Math.floor(internal / two32);
  const lo = internal - hi * two32;
  const b = new Uint8Array(version === 2 ? 16 : 15);
  b[0] = version;
  b[1] = hi >>> 24;
  b[2] = hi >>> 16;
  b[3] = hi >>> 8;
  b[4] = hi;
  b[5] = lo >>> 24;
  b[6] = lo >>> 16;
  b[7] = lo >>> 8;
  b[8] = lo;
  b[9] = nsec >>> 24;
  b[10] = nsec >>> 16;
  b[11] = nsec >>> 8;
  b[12] = nsec;
  b[13] = offsetMin >> 8;
  b[14] = offsetMin;
  if (version === 2) b[15] = offsetSec;
  return b;
}

/** `MarshalBinary` of a `Date` as a UTC time (what a fresh `Date` is sent as). */
export function marshalDate(ms: number): Uint8Array {
  if (!Number.isFinite(ms)) throw new GobError("usage", "cannot encode an invalid Date");
  const sec = Math.floor(ms / 1000);
  return marshalTime(sec, (ms - sec * 1000) * 1e6, null);
}

/** The `Date` time value of a time given as Unix seconds and nanoseconds. */
export function timeToMs(sec: number, nsec: number): number {
  const ms = sec * 1000 + Math.floor(nsec / 1e6);
  return Math.abs(ms) > maxDateMs ? Number.NaN : ms;
}

/** Whether the bytes are those of Go's zero time (`IsZero`: 00:00:00 UTC, January 1, year 1). */
export function isZeroTime(b: Uint8Array): boolean {
  for (let i = 1; i <= 12; i++) if (b[i] !== 0) return false;
  return true;
}

/** The `Date` time value of Go's zero time. */
export const zeroTimeMs = -unixToInternal * 1000;
