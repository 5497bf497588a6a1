/**
 * Session values from JSON, with Go type hints: a one-key object whose key is `$` and a Go
 * type stands for a value of that type; anything else follows the fresh-value rules of the
 * gob encoder (integral number → int, other number → float64, string, bool, null → nil,
 * array → []interface {}, object → map[string]interface {}).
 *
 *   {"count": 3, "level": {"$int8": 3}, "big": {"$uint64": "18446744073709551615"},
 *    "at": {"$time": "2024-03-01T10:00:00Z"}, "raw": {"$bytes": "AAEC"}}
 *
 * Hints: $int $int8 $int16 $int32 $int64 $uint $uint8 $uint16 $uint32 $uint64 (a number,
 * or a decimal string beyond 2^53), $float32 $float64, $string, $bool, $bytes (standard
 * base64), $time (RFC 3339, sent as a UTC time.Time with millisecond precision).
 */
import { GobError } from "../gob/GobError.ts";
import * as w from "../gob/wrappers.ts";
import { UsageError } from "./UsageError.ts";

const ints: Record<string, (v: number | bigint) => unknown> = {
  $int: w.int,
  $int8: w.int8,
  $int16: w.int16,
  $int32: w.int32,
  $int64: w.int64,
  $uint: w.uint,
  $uint8: w.uint8,
  $uint16: w.uint16,
  $uint32: w.uint32,
  $uint64: w.uint64,
};

/** The session map of a JSON object's text. */
export function typedValues(json: string): Map<unknown, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (e) {
    throw new UsageError(`VALUES is not JSON: ${(e as Error).message}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new UsageError(
      'VALUES must be a JSON object of session values, e.g. {"count": {"$int": 3}}',
    );
  }
  return new Map(Object.entries(parsed).map(([k, v]) => [k, typed(v, k)]));
}

function typed(v: unknown, path: string): unknown {
  if (Array.isArray(v)) return v.map((e, i) => typed(e, `${path}[${i}]`));
  if (typeof v !== "object" || v === null) return v;
  const keys = Object.keys(v);
  if (keys.length === 1 && keys[0].startsWith("$"))
    return hinted(keys[0], (v as Record<string, unknown>)[keys[0]], path);
  return Object.fromEntries(
    keys.map((k) => [k, typed((v as Record<string, unknown>)[k], `${path}.${k}`)]),
  );
}

function hinted(hint: string, v: unknown, path: string): unknown {
  const fail = (what: string) =>
    new UsageError(`${path}: ${hint} needs ${what}, got ${JSON.stringify(v)}`);
  try {
    const int = ints[hint];
    if (int !== undefined) {
      if (typeof v === "string" && /^-?\d+$/.test(v)) return int(BigInt(v));
      if (typeof v === "number" && Number.isInteger(v)) return int(v);
      throw fail("an integer (a number, or a decimal string)");
    }
    switch (hint) {
      case "$float32":
      case "$float64":
        if (typeof v !== "number") throw fail("a number");
        return hint === "$float32" ? w.float32(v) : w.float64(v);
      case "$string":
        if (typeof v !== "string") throw fail("a string");
        return v;
      case "$bool":
        if (typeof v !== "boolean") throw fail("true or false");
        return v;
      case "$bytes":
        if (typeof v !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(v))
          throw fail("standard base64");
        return new Uint8Array(Buffer.from(v, "base64"));
      case "$time": {
        const d = typeof v === "string" ? new Date(v) : new Date(Number.NaN);
        if (Number.isNaN(d.getTime())) throw fail("an RFC 3339 time");
        return d;
      }
    }
  } catch (e) {
    if (e instanceof GobError) throw new UsageError(`${path}: ${e.message}`);
    throw e;
  }
  throw new UsageError(
    `${path}: unknown type hint ${hint} (use $int, $int8, ..., $uint64, $float32, $float64, $string, $bool, $bytes, $time)`,
  );
}
