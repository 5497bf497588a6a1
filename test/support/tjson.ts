/**
 * Typed JSON (compat/tjson: {"t": "%T", "v": ...}) on the TypeScript side:
 * - `fromTyped` turns what Go reports into the JS value the gob decoder must produce for it,
 *   by the Go → TypeScript table of DESIGN.md §2;
 * - `freshTypeName` is the Go type a fresh JS value is encoded as (the same table, the other
 *   way), and `assertFreshTyped` checks a Go report against a JS value by both;
 * - `sameValue` is the strict deep equality these tests compare with (NaN equals NaN, -0 is
 *   not 0, Maps by key, Dates by time, typed arrays by bytes, classes by prototype).
 *
 * A value of a type with its own gob encoding (kind "encoder": a GobEncoder or
 * BinaryMarshaler other than time.Time, e.g. a struct embedding time.Time) is opaque bytes on
 * the wire, which typed JSON does not carry: `fromTyped` yields the {@link opaque} marker,
 * which `sameValue` matches with any Uint8Array.
 */
import { Complex } from "../../src/gob/index.ts";

/** Stands for the bytes of a value gob sends through its own encoding (see the module comment). */
export const opaque: unique symbol = Symbol("opaque GobEncoder bytes");

export interface Typed {
  t: string;
  v?: unknown;
}

export interface FromTypedOptions {
  /** tjson text of a time.Time → its Unix milliseconds (the text drops offset seconds). */
  instants?: Record<string, string>;
  /** Named type → reflect kind ("struct", "float64", "map:string", ...). */
  kinds?: Record<string, string>;
}

const intKinds = new Set([
  "int",
  "int8",
  "int16",
  "int32",
  "int64",
  "uint",
  "uint8",
  "uint16",
  "uint32",
  "uint64",
  "uintptr",
]);

function goFloat(s: string): number {
  if (s === "+Inf") return Number.POSITIVE_INFINITY;
  if (s === "-Inf") return Number.NEGATIVE_INFINITY;
  if (s === "NaN") return Number.NaN;
  return Number(s);
}

function goInt(s: string): number | bigint {
  const b = BigInt(s);
  return b >= -(2n ** 53n - 1n) && b <= 2n ** 53n - 1n ? Number(b) : b;
}

function base64Bytes(s: unknown): Uint8Array {
  return new Uint8Array(Buffer.from((s as string | undefined) ?? "", "base64"));
}

/** Parses tjson's time text: RFC 3339 with nanoseconds, a space, the zone name. */
export function parseGoTime(text: string, instants?: Record<string, string>): Date {
  const exact = instants?.[text];
  if (exact !== undefined) return new Date(Number(exact));
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))? ?(Z|[+-]\d\d:\d\d) /.exec(
    text,
  );
  if (m === null) throw new Error(`tjson: unreadable time ${JSON.stringify(text)}`);
  const [, y, mo, d, h, mi, s, frac = "", zone] = m;
  const date = new Date(0);
  date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  date.setUTCHours(Number(h), Number(mi), Number(s), Number(frac.padEnd(3, "0").slice(0, 3)));
  let offset = 0;
  if (zone !== "Z") {
    const sign = zone[0] === "-" ? -1 : 1;
    offset = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  }
  return new Date(date.getTime() - offset * 60_000);
}

function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}

/** The kind of a type string: a predeclared or composite type's own, a named one's from `kinds`. */
function kindOf(t: string, kinds: Record<string, string> | undefined): string {
  if (intKinds.has(t) || t === "bool" || t === "string") return t;
  if (t === "float32" || t === "float64" || t === "complex64" || t === "complex128") return t;
  if (t === "time.Time") return "time";
  if (t === "interface {}") return "interface";
  if (t.startsWith("*")) return "ptr";
  if (t.startsWith("[]")) return "slice";
  if (/^\[\d+\]/.test(t)) return "array";
  if (t.startsWith("map[string]")) return "map:string";
  if (t.startsWith("map[")) return "map";
  const k = kinds?.[t];
  if (k === undefined)
    throw new Error(`tjson: unknown kind of named type ${t} (pass options.kinds)`);
  return k;
}

/** The JS value of a Go zero value of type `t` (what the decoder gives an absent field). */
function zeroOf(t: string, o: FromTypedOptions): unknown {
  const k = kindOf(t, o.kinds);
  if (intKinds.has(k) || k === "float32" || k === "float64") return 0;
  switch (k) {
    case "bool":
      return false;
    case "string":
      return "";
    case "complex64":
    case "complex128":
      return new Complex(0, 0);
    case "time":
      return parseGoTime("0001-01-01T00:00:00Z UTC");
    case "slice":
      return elemOf(t) === "uint8" ? new Uint8Array(0) : [];
    case "map:string":
      return {};
    case "map":
      return new Map();
    default:
      // A nil pointer to a struct, or a nil interface: gob leaves it nil.
      return null;
  }
}

function elemOf(t: string): string {
  return t.replace(/^(\[\]|\[\d+\])/, "");
}

/** The JS value the gob decoder produces for what Go reports as `x` (DESIGN.md §2). */
export function fromTyped(x: Typed, options: FromTypedOptions = {}): unknown {
  const { t, v } = x;
  if (t === "nil") return null;
  const k = kindOf(t, options.kinds);
  if (intKinds.has(k)) return goInt(v as string);
  switch (k) {
    case "bool":
      return v ?? false;
    case "string":
      return v ?? "";
    case "float32":
      return Math.fround(goFloat(v as string));
    case "float64":
      return goFloat(v as string);
    case "complex64": {
      const [re, im] = v as [string, string];
      return new Complex(Math.fround(goFloat(re)), Math.fround(goFloat(im)));
    }
    case "complex128": {
      const [re, im] = v as [string, string];
      return new Complex(goFloat(re), goFloat(im));
    }
    case "encoder":
      return opaque;
    case "time":
      return parseGoTime(v as string, options.instants);
    case "ptr":
      return v === undefined ? zeroOf(t.slice(1), options) : fromTyped(v as Typed, options);
    case "slice":
    case "array":
      if (typeof v === "string" || (v === undefined && elemOf(t) === "uint8")) {
        const bytes = base64Bytes(v);
        return k === "slice" ? bytes : Array.from(bytes);
      }
      return ((v as Typed[] | undefined) ?? []).map((e) => fromTyped(e, options));
    case "map:string": {
      const obj: Record<string, unknown> = {};
      for (const [key, val] of (v as [Typed, Typed][] | undefined) ?? []) {
        setOwn(obj, fromTyped(key, options) as string, fromTyped(val, options));
      }
      return obj;
    }
    case "map":
      return new Map(
        ((v as [Typed, Typed][] | undefined) ?? []).map(([key, val]) => [
          fromTyped(key, options),
          fromTyped(val, options),
        ]),
      );
    case "struct": {
      const obj: Record<string, unknown> = {};
      for (const [name, val] of Object.entries((v as Record<string, Typed> | undefined) ?? {})) {
        setOwn(obj, name, fromTyped(val, options));
      }
      return obj;
    }
    default:
      throw new Error(`tjson: cannot convert ${t}`);
  }
}

/** The Go type a fresh JS value is encoded as (DESIGN.md §2, encoding column); "nil" for nil. */
export function freshTypeName(js: unknown): string {
  switch (typeof js) {
    case "number":
      return Number.isSafeInteger(js) && !Object.is(js, -0) ? "int" : "float64";
    case "bigint":
      return js >= -(2n ** 63n) && js < 2n ** 63n ? "int64" : "uint64";
    case "string":
      return "string";
    case "boolean":
      return "bool";
    case "undefined":
      return "nil";
  }
  if (js === null) return "nil";
  if (js instanceof Uint8Array) return "[]uint8";
  if (Array.isArray(js)) return "[]interface {}";
  if (js instanceof Map) return "map[interface {}]interface {}";
  if (js instanceof Date) return "time.Time";
  if (js instanceof Complex) return "complex128";
  return "map[string]interface {}";
}

/**
 * Checks that Go's report `typed` of a freshly encoded JS value `js` has, at every level,
 * the Go type of the fresh-value rules and the same value. Throws with the path on mismatch.
 */
export function assertFreshTyped(js: unknown, typed: Typed, path = "$"): void {
  const want = freshTypeName(js);
  if (typed.t !== want) throw new Error(`${path}: Go type ${typed.t}, want ${want}`);
  if (Array.isArray(js)) {
    const list = (typed.v as Typed[] | undefined) ?? [];
    if (list.length !== js.length)
      throw new Error(`${path}: ${list.length} elements, want ${js.length}`);
    for (let i = 0; i < js.length; i++) assertFreshTyped(js[i], list[i], `${path}[${i}]`);
    return;
  }
  if (js instanceof Map || (typeof js === "object" && js !== null && want.startsWith("map["))) {
    const entries = js instanceof Map ? [...js] : Object.entries(js as object);
    const pairs = (typed.v as [Typed, Typed][] | undefined) ?? [];
    if (pairs.length !== entries.length) {
      throw new Error(`${path}: ${pairs.length} entries, want ${entries.length}`);
    }
    for (const [k, e] of entries) {
      const pair = pairs.find(([gk]) => sameValue(fromTyped(gk), k));
      if (pair === undefined) throw new Error(`${path}: key ${String(k)} missing`);
      assertFreshTyped(k, pair[0], `${path}.key(${String(k)})`);
      assertFreshTyped(e, pair[1], `${path}[${JSON.stringify(String(k))}]`);
    }
    return;
  }
  if (!sameValue(fromTyped(typed), js)) {
    throw new Error(`${path}: value ${String(fromTyped(typed))}, want ${String(js)}`);
  }
}

/** Strict deep equality (see the module comment). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === opaque || b === opaque)
    return a === b || a instanceof Uint8Array || b instanceof Uint8Array;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
    return Object.is(a, b);
  }
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    // A Buffer is a Uint8Array: compared by bytes.
    return a.length === b.length && a.every((x, i) => x === b[i]);
  }
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Date) return Object.is(a.getTime(), (b as Date).getTime());
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameValue(x, bb[i]));
  }
  if (a instanceof Map) {
    const bb = b as Map<unknown, unknown>;
    if (a.size !== bb.size) return false;
    for (const [k, v] of a) {
      if (bb.has(k)) {
        if (!sameValue(v, bb.get(k))) return false;
        continue;
      }
      const match = [...bb].find(([bk, bv]) => sameValue(k, bk) && sameValue(v, bv));
      if (match === undefined) return false;
    }
    return true;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const rb = b as Record<string, unknown>;
  return ka.every(
    (k) => Object.hasOwn(b, k) && sameValue((a as Record<string, unknown>)[k], rb[k]),
  );
}

/** A readable rendering for assertion messages (bigint, Map, Date, NaN, -0 shown). */
export function show(v: unknown): string {
  return JSON.stringify(
    v,
    (_k, x) => {
      if (typeof x === "bigint") return `${x}n`;
      if (typeof x === "number" && !Number.isFinite(x)) return String(x);
      if (Object.is(x, -0)) return "-0";
      if (x instanceof Map) return { Map: [...x] };
      if (x instanceof Uint8Array) return { bytes: Buffer.from(x).toString("hex") };
      if (x === opaque) return "<opaque>";
      return x;
    },
    0,
  );
}
