/**
 * Explicit Go types for values: `int8(5)`, `uint64(2n ** 64n - 1n)`, `float64(1)`,
 * `complex128(1, -1)`, `typed(sliceOf(goTypes.string), ["a"])`, `typed(user, {...})`.
 * Each checks its value fits the type (range, kind) and throws a usage GobError otherwise.
 * `goTime` makes a `Date` that carries a full `time.Time` (nanoseconds, zone offset).
 */
import { Complex } from "./Complex.ts";
import type { GoType } from "./GoType.ts";
import { goTypes } from "./GoType.ts";
import { GoValue } from "./GoValue.ts";
import { marshalTime, timeToMs } from "./time.ts";
import { recordTime } from "./typeMemory.ts";

type Integer = number | bigint;

/** `value` as the Go type `type`. */
export function typed(type: GoType, value: unknown): GoValue {
  return new GoValue(type, value);
}

export const int = (v: Integer): GoValue => new GoValue(goTypes.int, v);
export const int8 = (v: Integer): GoValue => new GoValue(goTypes.int8, v);
export const int16 = (v: Integer): GoValue => new GoValue(goTypes.int16, v);
export const int32 = (v: Integer): GoValue => new GoValue(goTypes.int32, v);
export const int64 = (v: Integer): GoValue => new GoValue(goTypes.int64, v);
export const uint = (v: Integer): GoValue => new GoValue(goTypes.uint, v);
export const uint8 = (v: Integer): GoValue => new GoValue(goTypes.uint8, v);
export const uint16 = (v: Integer): GoValue => new GoValue(goTypes.uint16, v);
export const uint32 = (v: Integer): GoValue => new GoValue(goTypes.uint32, v);
export const uint64 = (v: Integer): GoValue => new GoValue(goTypes.uint64, v);
export const uintptr = (v: Integer): GoValue => new GoValue(goTypes.uintptr, v);
export const float32 = (v: number): GoValue => new GoValue(goTypes.float32, v);
export const float64 = (v: number): GoValue => new GoValue(goTypes.float64, v);
export const complex64 = (real: number, imag: number): GoValue =>
  new GoValue(goTypes.complex64, new Complex(real, imag));
export const complex128 = (real: number, imag: number): GoValue =>
  new GoValue(goTypes.complex128, new Complex(real, imag));

export interface GoTimeOptions {
  /** Nanoseconds within the second (0 ≤ n < 1e9); replaces the milliseconds of the date. */
  nanoseconds?: number;
  /** Zone offset in seconds east of UTC; absent or null: UTC. */
  offsetSeconds?: number | null;
}

/**
 * A `Date` sent as a `time.Time` with nanoseconds and a zone offset (as long as its time is
 * not changed; a changed `Date` is sent as a fresh one: UTC, milliseconds).
 */
export function goTime(date: Date | number, options: GoTimeOptions = {}): Date {
  const ms = typeof date === "number" ? date : date.getTime();
  const sec = Math.floor(ms / 1000);
  const nsec = options.nanoseconds ?? (ms - sec * 1000) * 1e6;
  const bytes = marshalTime(sec, nsec, options.offsetSeconds ?? null);
  const d = new Date(timeToMs(sec, nsec));
  recordTime(d, bytes);
  return d;
}
