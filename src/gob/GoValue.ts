/**
 * A JS value with the Go type it is to be sent as: `new GoValue(goTypes.int8, 5)`. The
 * wrappers (`int8(5)`, `uint64(2n ** 64n - 1n)`, `typed(userType, {...})`) build these.
 * The value is checked against the type when the wrapper is made.
 *
 * Here too is that check, `fits`: whether a JS value can be sent as a given Go type. The encoder
 * makes it before it uses a remembered or wrapped type (see typeMemory.ts), so it never writes
 * half a value. (One file, since each needs the other: a GoValue is a value that fits, and a
 * GoValue inside a value fits only its own type.)
 */
import { Complex } from "./Complex.ts";
import { GobError } from "./GobError.ts";
import type { GoType } from "./GoType.ts";
import { memoOf } from "./typeMemory.ts";

export class GoValue {
  readonly type: GoType;
  readonly value: unknown;

  constructor(type: GoType, value: unknown) {
    if (!fits(type, value, 0)) {
      throw new GobError("usage", `value does not fit Go type ${type.name}`);
    }
    this.type = type;
    this.value = value;
  }
}

/** Nesting beyond this is taken for a cyclic value. */
export const maxValueDepth = 1000;

const maxFloat32 = 3.4028234663852886e38;

const intRange: Record<string, [bigint, bigint]> = {
  int8: [-(2n ** 7n), 2n ** 7n - 1n],
  int16: [-(2n ** 15n), 2n ** 15n - 1n],
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  int: [-(2n ** 63n), 2n ** 63n - 1n],
  uint8: [0n, 2n ** 8n - 1n],
  uint16: [0n, 2n ** 16n - 1n],
  uint32: [0n, 2n ** 32n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
  uint: [0n, 2n ** 64n - 1n],
  uintptr: [0n, 2n ** 64n - 1n],
};

/** Whether `v` (a number or bigint) is an integer in the range of the Go integer kind. */
export function intFits(kind: string, v: unknown): boolean {
  const [lo, hi] = intRange[kind];
  if (typeof v === "number") {
    return (
      Number.isInteger(v) &&
      v >= Number(lo) &&
      (hi < 2n ** 53n ? v <= Number(hi) : v < Number(hi) + 1)
    );
  }
  return typeof v === "bigint" && v >= lo && v <= hi;
}

/** A plain object: made by `{}` or `Object.create(null)`, not a class instance. */
export function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function floatFits(kind: string, v: unknown): boolean {
  if (typeof v !== "number") return false;
  return kind !== "float32" || !(Math.abs(v) > maxFloat32) || !Number.isFinite(v);
}

export function fits(t: GoType, v: unknown, depth: number): boolean {
  if (depth > maxValueDepth) throw new GobError("usage", "value nests too deeply (is it cyclic?)");
  if (t.kind === "interface") return true; // any value, its type chosen where it is sent
  if (v instanceof GoValue) return v.type.typeKey === t.typeKey;
  switch (t.kind) {
    case "bool":
      return typeof v === "boolean";
    case "int":
    case "int8":
    case "int16":
    case "int32":
    case "int64":
    case "uint":
    case "uint8":
    case "uint16":
    case "uint32":
    case "uint64":
    case "uintptr":
      return intFits(t.kind, v);
    case "float32":
    case "float64":
      return floatFits(t.kind, v);
    case "complex64":
    case "complex128":
      return (
        v instanceof Complex &&
        floatFits(t.kind === "complex64" ? "float32" : "float64", v.real) &&
        floatFits(t.kind === "complex64" ? "float32" : "float64", v.imag)
      );
    case "string":
      return typeof v === "string";
    case "bytes":
      return v instanceof Uint8Array;
    case "slice":
      return Array.isArray(v) && v.every((e) => elemFits(t.elem!, e, depth));
    case "array":
      return Array.isArray(v) && v.length === t.len && v.every((e) => elemFits(t.elem!, e, depth));
    case "map":
      return mapFits(t, v, depth);
    case "struct":
      return structFits(t, v, depth);
    case "encoder":
      return t.name === "time.Time" && t.marshaler === "gob"
        ? v instanceof Date && (!Number.isNaN(v.getTime()) || memoOf(v)?.time !== undefined)
        : v instanceof Uint8Array;
  }
}

/** An element of a slice, array or map: never nil, unless it is an interface. */
function elemFits(t: GoType, v: unknown, depth: number): boolean {
  if (v === undefined || v === null) return t.kind === "interface";
  return fits(t, v, depth + 1);
}

function mapFits(t: GoType, v: unknown, depth: number): boolean {
  if (v instanceof Map) {
    for (const [k, e] of v) {
      if (!elemFits(t.key!, k, depth) || !elemFits(t.elem!, e, depth)) return false;
    }
    return true;
  }
  if (typeof v !== "object" || v === null || !isPlainObject(v)) return false;
  if (t.key!.kind !== "string" && t.key!.kind !== "interface") return false;
  for (const k of Object.keys(v)) {
    if (!elemFits(t.elem!, (v as Record<string, unknown>)[k], depth)) return false;
  }
  return true;
}

/**
 * A struct is a plain object whose keys are all fields of the type; a missing field is its
 * zero value; null stands for a nil pointer, slice, map or interface.
 */
function structFits(t: GoType, v: unknown, depth: number): boolean {
  if (typeof v !== "object" || v === null || !isPlainObject(v)) return false;
  const obj = v as Record<string, unknown>;
  let present = 0;
  for (const f of t.fields) {
    if (!Object.hasOwn(obj, f.name)) continue;
    present++;
    const e = obj[f.name];
    if (e === undefined) continue;
    if (e === null) {
      const k = f.type.kind;
      if (k === "struct" || k === "slice" || k === "map" || k === "interface" || k === "bytes")
        continue;
      return false;
    }
    if (!fits(f.type, e, depth + 1)) return false;
  }
  return present === Object.keys(obj).length;
}
