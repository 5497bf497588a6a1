/**
 * Go's `%#v` and `%T` of values decoded from gob, with the Go types the gob decoder remembered
 * beside them (src/gob/typeMemory.ts): what `fmt.Sprintf("%#v", v)` prints in a Go service
 * holding the same session. Interface slots take their concrete type from the wire name
 * (`int8`, `main.User`), other values from their container's type.
 *
 * Where Go prints what gob never sends, this shows what it can: a struct's unexported fields
 * are absent, a pointer inside a value prints as `&T{...}` (Go prints its address), a type
 * with its own binary encoding prints as its bytes, and keys of different types in one map
 * sort by type name (Go sorts them by an address in its binary).
 */
import { Complex } from "../gob/Complex.ts";
import { type GoType, goTypes, mapOf, sliceOf } from "../gob/GoType.ts";
import { nameOf } from "../gob/registry.ts";
import { memoOf, type SlotRecord } from "../gob/typeMemory.ts";
import { compareKeys } from "./compareKeys.ts";
import { goFloat } from "./goFloat.ts";
import { goQuote } from "./goQuote.ts";
import { goTimeString, instantOfBytes, instantOfDate } from "./goTime.ts";

/** A value's concrete Go type: the type, and its name as `%T` prints it. */
export interface Dynamic {
  readonly type: GoType;
  readonly name: string;
  /** A string's exact bytes, when they are not valid UTF-8. */
  readonly raw?: Uint8Array;
}

/** How values were decoded: gob keeps Go types; JSON makes every number a float64. */
export type Origin = "gob" | "json";

export class GoPrinter {
  /** The names of the concrete types met in interface values (what Go must have registered). */
  readonly interfaceNames = new Set<string>();
  private readonly origin: Origin;

  constructor(origin: Origin = "gob") {
    this.origin = origin;
  }

  /** The concrete type of `value` in an interface slot (recorded by the decoder), null for nil. */
  dynamic(value: unknown, rec?: SlotRecord): Dynamic | null {
    if (rec !== undefined && Object.is(rec.value, value)) {
      return { type: rec.type, name: rec.name ?? rec.type.name, raw: rec.raw };
    }
    if (value === null || value === undefined) return null;
    if (typeof value === "object") {
      const m = memoOf(value);
      // No name remembered: it arrived under the name its type is registered under here.
      if (m?.type !== undefined) return { type: m.type, name: m.name ?? nameOf(m.type) };
    }
    const t = this.fresh(value);
    return { type: t, name: t.name };
  }

  /** `%#v` of the value of an interface slot, at `depth` (0: the value printed itself). */
  slot(value: unknown, rec: SlotRecord | undefined, depth: number): string {
    const d = this.dynamic(value, rec);
    if (d === null) return depth === 0 ? "<nil>" : "interface {}(nil)";
    this.interfaceNames.add(d.name);
    return this.value(value, d.type, depth, d.name, packageOf(d.name), d.raw);
  }

  /** `%#v` of `v` of type `t` named `name`; `pkg` qualifies bare type names ("main."). */
  value(v: unknown, t: GoType, depth: number, name = t.name, pkg = "", raw?: Uint8Array): string {
    switch (t.kind) {
      case "interface":
        return this.slot(v, undefined, depth);
      case "bool":
        return String(v);
      case "int":
      case "int8":
      case "int16":
      case "int32":
      case "int64":
        return String(v);
      case "uint":
      case "uint8":
      case "uint16":
      case "uint32":
      case "uint64":
      case "uintptr":
        return `0x${BigInt(v as number | bigint).toString(16)}`;
      case "float32":
        return goFloat(v as number, 32);
      case "float64":
        return goFloat(v as number, 64);
      case "complex64":
      case "complex128": {
        const bits = t.kind === "complex64" ? 32 : 64;
        const c = v as Complex;
        const im = goFloat(c.imag, bits);
        return `(${goFloat(c.real, bits)}${/^[+-]/.test(im) ? im : `+${im}`}i)`;
      }
      case "string":
        return goQuote(raw ?? (v as string));
      case "bytes": {
        const n = depth === 0 && name === "[]uint8" ? "[]byte" : name;
        return this.nilSlice(v as Uint8Array) ? `${n}(nil)` : bytes(v as Uint8Array, n);
      }
      case "encoder":
        if (v instanceof Date || (t.marshaler === "gob" && isTimeBytes(v))) {
          // time.Time, or a struct embedding it (whose GobEncode and GoString it has).
          if (!(v instanceof Date)) return goTimeString(instantOfBytes(v as Uint8Array));
          const memo = memoOf(v);
          return goTimeString(
            memo?.time !== undefined && memo.time.ms === v.getTime()
              ? instantOfBytes(memo.time.bytes)
              : instantOfDate(v),
          );
        }
        return `${qualified(t, name, pkg)}(${bytes(v as Uint8Array, "[]byte")})`;
      case "slice":
      case "array": {
        const list = v as unknown[];
        const n = qualified(t, name, pkg);
        if (t.kind === "slice" && this.nilSlice(list)) return `${n}(nil)`;
        if (t.elem!.kind === "uint8") return bytes(Uint8Array.from(list as number[]), n);
        const memo = memoOf(list);
        const items = list.map((e, i) => this.field(e, t.elem!, memo?.slots?.get(i), depth, pkg));
        return `${n}{${items.join(", ")}}`;
      }
      case "map":
        return this.map(v as Map<unknown, unknown> | Record<string, unknown>, t, name, depth, pkg);
      case "struct": {
        const obj = v as Record<string, unknown> | null;
        const n = qualified(t, name, pkg);
        if (obj === null) return `(*${n})(nil)`;
        const inner = packageOf(n) || pkg;
        const memo = memoOf(obj);
        const fields = t.fields
          .filter((f) => Object.hasOwn(obj, f.name))
          .map(
            (f) =>
              `${f.name}:${this.structField(obj[f.name], f.type, memo?.slots?.get(f.name), depth, inner)}`,
          );
        const body = `{${fields.join(", ")}}`;
        return n.startsWith("*") ? `&${n.slice(1)}${body}` : `${n}${body}`;
      }
    }
  }

  /** Gob decodes an empty slice as a nil one (JSON as an empty one). */
  private nilSlice(v: ArrayLike<unknown>): boolean {
    return this.origin === "gob" && v.length === 0;
  }

  /** A struct field: gob leaves out empty maps, so Go holds a nil map there. */
  private structField(
    v: unknown,
    t: GoType,
    rec: SlotRecord | undefined,
    depth: number,
    pkg: string,
  ): string {
    if (t.kind === "map" && this.origin === "gob" && entryCount(v) === 0) {
      return `${typeName(t, pkg)}(nil)`;
    }
    return this.field(v, t, rec, depth, pkg);
  }

  /** An element, map value or field: an interface slot or a value of the static type. */
  private field(v: unknown, t: GoType, rec: SlotRecord | undefined, depth: number, pkg: string) {
    return t.kind === "interface"
      ? this.slot(v, rec, depth + 1)
      : this.value(v, t, depth + 1, typeName(t, pkg), pkg);
  }

  private map(
    v: Map<unknown, unknown> | Record<string, unknown>,
    t: GoType,
    name: string,
    depth: number,
    pkg: string,
  ): string {
    const memo = memoOf(v);
    const entries = v instanceof Map ? [...v] : Object.entries(v);
    const keyed = entries.map(([k, e]) => {
      const keyRec = memo?.keys?.get(k);
      const keyType = t.key!.kind === "interface" ? (this.dynamic(k, keyRec)?.name ?? "") : "";
      return {
        keyType,
        k,
        key: this.field(k, t.key!, keyRec, depth, pkg),
        value: this.field(e, t.elem!, memo?.slots?.get(k), depth, pkg),
      };
    });
    keyed.sort((a, b) => compareKeys(a.keyType, a.k, b.keyType, b.k));
    const body = keyed.map((e) => `${e.key}:${e.value}`).join(", ");
    return `${qualified(t, name, pkg)}{${body}}`;
  }

  /** The Go type a fresh JS value stands for (what the gob encoder would send it as). */
  private fresh(v: unknown): GoType {
    switch (typeof v) {
      case "number":
        return this.origin === "json" || !Number.isSafeInteger(v) || Object.is(v, -0)
          ? goTypes.float64
          : goTypes.int;
      case "bigint":
        return v >= 2n ** 63n ? goTypes.uint64 : goTypes.int64;
      case "string":
        return goTypes.string;
      case "boolean":
        return goTypes.bool;
    }
    if (v instanceof Date) return goTypes.time;
    if (v instanceof Uint8Array) return goTypes.bytes;
    if (v instanceof Complex) return goTypes.complex128;
    if (Array.isArray(v)) return sliceOfInterface;
    if (v instanceof Map) return mapInterfaceInterface;
    return mapStringInterfaceType;
  }
}

const sliceOfInterface = sliceOf(goTypes.interface);
const mapInterfaceInterface = mapOf(goTypes.interface, goTypes.interface);
const mapStringInterfaceType = mapOf(goTypes.string, goTypes.interface);

/** Whether the bytes are a `time.Time`'s `MarshalBinary` (version 1 or 2, valid nanoseconds). */
function isTimeBytes(v: unknown): boolean {
  if (!(v instanceof Uint8Array) || v.length !== (v[0] === 2 ? 16 : 15) || v[0] > 2) return false;
  const nsec = new DataView(v.buffer, v.byteOffset, v.length).getInt32(9);
  return v[0] !== 0 && nsec >= 0 && nsec < 1e9;
}

function entryCount(v: unknown): number {
  return v instanceof Map ? v.size : Object.keys(v as object).length;
}

/** `[]byte{0x1, 0x2}`, Go's `%#v` of a byte slice (or byte array) named `name`. */
function bytes(b: Uint8Array, name: string): string {
  return `${name}{${Array.from(b, (c) => `0x${c.toString(16)}`).join(", ")}}`;
}

/** "main.User" → "main.", "*main.Ptr" → "main.", "[]main.Friend" → "main.", "int" → "". */
function packageOf(name: string): string {
  const m = /([A-Za-z_][A-Za-z0-9_]*)\.[A-Za-z_][A-Za-z0-9_]*$/.exec(name);
  return m === null ? "" : `${m[1]}.`;
}

/**
 * The name of a type met inside another. Gob sends an unnamed type's Go spelling
 * ("[]main.Friend", "[2]int") and a named type's bare name ("Address"), which is qualified
 * with the package of the type around it.
 */
function typeName(t: GoType, pkg: string): string {
  if (t.isBasic) return t.name;
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(t.name) ? `${pkg}${t.name}` : t.name;
}

/** The name to print for `t`: the interface name when there is one, else its qualified name. */
function qualified(t: GoType, name: string, pkg: string): string {
  return name !== t.name || name.includes(".") ? name : typeName(t, pkg);
}
