/**
 * Go type descriptors: what the codec knows of a Go type, enough to write its gob type
 * definition and to check that a JS value can be sent as that type.
 *
 * Gob sends far less than Go knows: all signed integers are one wire type (`int`), all
 * unsigned ones another, floats and complexes likewise; pointers are flattened; struct fields
 * carry names but their types only as wire types. A `GoType` keeps the Go kind when it is
 * known (`int8`, `uint16`, ...) for range checks and interface names, and collapses to the
 * wire kind in {@link GoType.wireKey}.
 *
 * Port of the type model of Go 1.26 encoding/gob type.go (the predefined ids, `wireType`).
 */
import { GobError } from "./GobError.ts";

export type IntKind = "int" | "int8" | "int16" | "int32" | "int64";
export type UintKind = "uint" | "uint8" | "uint16" | "uint32" | "uint64" | "uintptr";
export type Kind =
  | "bool"
  | IntKind
  | UintKind
  | "float32"
  | "float64"
  | "complex64"
  | "complex128"
  | "string"
  | "bytes"
  | "interface"
  | "slice"
  | "array"
  | "map"
  | "struct"
  | "encoder";

/** How a type with its own encoding marshals itself: `GobEncode`, `MarshalBinary`, `MarshalText`. */
export type Marshaler = "gob" | "binary" | "text";

export interface StructField {
  readonly name: string;
  readonly type: GoType;
}

/** The predefined gob type ids (doc.go "Encoding Details"). */
export const wireId = {
  bool: 1,
  int: 2,
  uint: 3,
  float: 4,
  bytes: 5,
  string: 6,
  complex: 7,
  interface: 8,
} as const;

/** Type ids below this are predefined; a stream defines its own types from here on. */
export const firstUserId = 64;

const wireKindOf: Record<Kind, string> = {
  bool: "bool",
  int: "int",
  int8: "int",
  int16: "int",
  int32: "int",
  int64: "int",
  uint: "uint",
  uint8: "uint",
  uint16: "uint",
  uint32: "uint",
  uint64: "uint",
  uintptr: "uint",
  float32: "float",
  float64: "float",
  complex64: "complex",
  complex128: "complex",
  string: "string",
  bytes: "bytes",
  interface: "interface",
  slice: "",
  array: "",
  map: "",
  struct: "",
  encoder: "",
};

export class GoType {
  readonly kind: Kind;
  /** Go's spelling of the type (`%T`). */
  name: string;
  /** The name gob sends in the type definition (`CommonType.Name`). */
  wireName: string;
  /** The element type of a slice or array, the value type of a map. */
  elem: GoType | null = null;
  /** The key type of a map. */
  key: GoType | null = null;
  /** The length of an array. */
  len = 0;
  /** The fields of a struct, in order (only those gob sends: exported, not chan or func). */
  fields: StructField[] = [];
  /** For kind `encoder`: which marshaling method the type implements. */
  marshaler: Marshaler = "gob";

  /** The predefined id of a basic type (bool, int, uint, float, bytes, string, complex, interface), else 0. */
  readonly builtinId: number;
  /** Whether the type is predefined on the wire (basic types, []byte, interface). */
  readonly isBasic: boolean;

  private cachedKey: string | undefined;
  private cachedWireKey: string | undefined;
  /** @internal The registered name, valid while the registry is at `nameVersion`. */
  cachedName = "";
  /** @internal */
  nameVersion = -1;
  /** @internal The encoded definition of this type as `defId`, when its inner types are all basic. */
  defBytes: Uint8Array | null = null;
  /** @internal */
  defId = 0;

  /**
   * Prefer the constructors below ({@link sliceOf}, {@link structOf}, ...) and {@link goTypes}.
   * @param name Go's spelling of the type (`%T`): "int8", "[]string", "main.User", "time.Time".
   * @param wireName the name gob sends in the type definition (`CommonType.Name`): "" for an
   *   unnamed type, the bare type name ("User", "Time") for a named one.
   */
  constructor(kind: Kind, name: string, wireName = "") {
    this.kind = kind;
    this.name = name;
    this.wireName = wireName;
    const k = wireKindOf[kind];
    this.isBasic = k !== "";
    this.builtinId = k === "" ? 0 : wireId[k as keyof typeof wireId];
  }

  /** Identity of the Go type: two types are the same Go type when their keys are equal. */
  get typeKey(): string {
    if (this.cachedKey === undefined) this.cachedKey = structuralKey(this, false, []);
    return this.cachedKey;
  }

  /** Identity on the wire: types with equal wire keys have the same gob type definition. */
  get wireKey(): string {
    if (this.cachedWireKey === undefined) this.cachedWireKey = structuralKey(this, true, []);
    return this.cachedWireKey;
  }

  toString(): string {
    return this.name;
  }
}

/** A structural key; a back reference `^n` names the type n levels up (recursive types). */
function structuralKey(t: GoType, wire: boolean, stack: GoType[]): string {
  const at = stack.lastIndexOf(t);
  if (at >= 0) return `^${stack.length - at}`;
  if (t.isBasic) {
    const k = wire ? wireKindOf[t.kind] : t.kind;
    return wire || t.name === t.kind || t.kind === "bytes" || t.kind === "interface"
      ? k
      : `${t.name}=${k}`;
  }
  const name = wire ? t.wireName : t.name;
  stack.push(t);
  let body: string;
  switch (t.kind) {
    case "slice":
      body = `[]${structuralKey(t.elem!, wire, stack)}`;
      break;
    case "array":
      body = `[${t.len}]${structuralKey(t.elem!, wire, stack)}`;
      break;
    case "map":
      body = `map[${structuralKey(t.key!, wire, stack)}]${structuralKey(t.elem!, wire, stack)}`;
      break;
    case "struct":
      body = `struct{${t.fields.map((f) => `${f.name} ${structuralKey(f.type, wire, stack)}`).join("; ")}}`;
      break;
    default:
      body = `marshal(${t.marshaler})`;
  }
  stack.pop();
  return t.kind === "struct" || t.kind === "encoder" || name !== "" ? `${name}=${body}` : body;
}

function basic(kind: Kind, name: string = kind): GoType {
  return new GoType(kind, name);
}

/** The predefined Go types, spelled as Go's `%T` prints them. */
export const goTypes = {
  bool: basic("bool"),
  int: basic("int"),
  int8: basic("int8"),
  int16: basic("int16"),
  int32: basic("int32"),
  int64: basic("int64"),
  uint: basic("uint"),
  uint8: basic("uint8"),
  uint16: basic("uint16"),
  uint32: basic("uint32"),
  uint64: basic("uint64"),
  uintptr: basic("uintptr"),
  float32: basic("float32"),
  float64: basic("float64"),
  complex64: basic("complex64"),
  complex128: basic("complex128"),
  string: basic("string"),
  /** `[]byte`, which gob sends as a predefined type. */
  bytes: basic("bytes", "[]uint8"),
  interface: basic("interface", "interface {}"),
  /** `time.Time`, a GobEncoder whose bytes are `MarshalBinary`'s. */
  time: encoderType("time.Time", "gob"),
} as const;

/** Unnamed slices and maps of predefined types are shared, so they compare by identity. */
const slices = new Map<GoType, GoType>();
const maps = new Map<GoType, Map<GoType, GoType>>();

function isPredeclared(t: GoType): boolean {
  return t.isBasic && t.name === basicName(t);
}

/** `[]elem`; `[]uint8` (any element of kind uint8) is gob's predefined bytes type. */
export function sliceOf(elem: GoType): GoType {
  if (elem.kind === "uint8") return goTypes.bytes;
  let t = isPredeclared(elem) ? slices.get(elem) : undefined;
  if (t === undefined) {
    t = new GoType("slice", `[]${elem.name}`);
    t.elem = elem;
    if (isPredeclared(elem)) slices.set(elem, t);
  }
  return t;
}

/** `[len]elem`. */
export function arrayOf(len: number, elem: GoType): GoType {
  if (!Number.isSafeInteger(len) || len < 0) {
    throw new GobError("usage", `invalid array length ${len}`);
  }
  const t = new GoType("array", `[${len}]${elem.name}`);
  t.elem = elem;
  t.len = len;
  return t;
}

/** `map[key]elem`; the key type must be comparable, as Go requires. */
export function mapOf(key: GoType, elem: GoType): GoType {
  const shared = isPredeclared(key) && isPredeclared(elem);
  let byElem = shared ? maps.get(key) : undefined;
  let t = byElem?.get(elem);
  if (t === undefined) {
    if (!isComparable(key)) throw new GobError("usage", `invalid map key type ${key.name}`);
    t = new GoType("map", `map[${key.name}]${elem.name}`);
    t.key = key;
    t.elem = elem;
    if (shared) {
      if (byElem === undefined) {
        byElem = new Map();
        maps.set(key, byElem);
      }
      byElem.set(elem, t);
    }
  }
  return t;
}

/**
 * A named struct: `structOf("main.User", { Name: goTypes.string, Age: goTypes.int })`.
 * Field names must be exported (start with an upper-case letter), as gob sends no others.
 * A field of struct type stands for a struct or a pointer to one (gob flattens pointers).
 */
export function structOf(name: string, fields: Record<string, GoType> | StructField[]): GoType {
  const list = Array.isArray(fields)
    ? fields
    : Object.entries(fields).map(([n, type]) => ({ name: n, type }));
  const seen = new Set<string>();
  for (const f of list) {
    if (!isExported(f.name)) throw new GobError("usage", `struct field ${f.name} is not exported`);
    if (seen.has(f.name)) throw new GobError("usage", `duplicate struct field ${f.name}`);
    seen.add(f.name);
  }
  const t = new GoType("struct", name, bareName(name));
  t.fields = list.map((f) => ({ name: f.name, type: f.type }));
  return t;
}

/** A named type with the structure of `underlying`: `named("main.Celsius", goTypes.float64)`. */
export function named(name: string, underlying: GoType): GoType {
  if (underlying.kind === "struct") return structOf(name, underlying.fields);
  if (underlying.kind === "encoder") return encoderType(name, underlying.marshaler);
  const t = new GoType(underlying.kind, name, underlying.isBasic ? "" : bareName(name));
  t.elem = underlying.elem;
  t.key = underlying.key;
  t.len = underlying.len;
  return t;
}

/**
 * A type that marshals itself (GobEncoder, BinaryMarshaler or TextMarshaler): gob sends its
 * bytes opaquely. Such values are `Uint8Array`s, except `time.Time` ({@link goTypes.time}).
 */
export function encoderType(name: string, marshaler: Marshaler): GoType {
  const t = new GoType("encoder", name, bareName(name));
  t.marshaler = marshaler;
  return t;
}

/** Go's `isExported`: the name starts with an upper-case letter (Unicode category Lu). */
export function isExported(name: string): boolean {
  return /^\p{Lu}/u.test(name);
}

/** Whether values of t may be map keys in Go (slices, maps and what holds them may not). */
export function isComparable(t: GoType, seen: GoType[] = []): boolean {
  if (t.isBasic) return t.kind !== "bytes";
  if (seen.includes(t)) return true;
  switch (t.kind) {
    case "slice":
    case "bytes":
    case "map":
      return false;
    case "array":
      return isComparable(t.elem!, [...seen, t]);
    case "struct":
      return t.fields.every((f) => isComparable(f.type, [...seen, t]));
    default:
      return true;
  }
}

/** "main.User" → "User", "*main.User" → "User": the name gob writes in a type definition. */
function bareName(name: string): string {
  const s = name.replace(/^\*+/, "");
  return s.slice(s.lastIndexOf(".") + 1);
}

function basicName(t: GoType): string {
  return t.kind === "bytes" ? "[]uint8" : t.kind === "interface" ? "interface {}" : t.kind;
}
