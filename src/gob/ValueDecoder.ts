/**
 * The decoding engine of a gob stream: messages, type definitions, and values built from the
 * wire types alone (gob is self-describing: no registration is needed).
 *
 * Port of Go 1.26 encoding/gob decoder.go (messages, type sequences) and decode.go (values).
 * Grammar (doc.go):
 *
 *	GobStream:        DelimitedMessage*
 *	DelimitedMessage: uint(lengthOfMessage) Message
 *	Message:          TypeSequence TypedValue
 *	TypeSequence:     (TypeDefinition DelimitedTypeDefinition*)?
 *	DelimitedTypeDefinition: uint(lengthOfTypeDefinition) TypeDefinition
 *	TypedValue:       int(typeId) Value
 *	TypeDefinition:   int(-typeId) encodingOfWireType
 *	Value:            SingletonValue | StructValue
 *	SingletonValue:   uint(0) FieldValue
 *	FieldValue:       builtinValue | ArrayValue | MapValue | SliceValue | StructValue | InterfaceValue
 *
 * Hostile input: every count is checked against the bytes present before anything is
 * allocated, nesting is bounded by `maxDepth`, type definitions by `maxTypeDefs`, messages by
 * `maxMessageSize`; type ids are checked when a value first uses them (a definition may
 * name types defined after it), so undefined, redefined and predefined-id types are errors.
 */
import { ByteReader, copyOf, decodeError } from "./ByteReader.ts";
import { Complex } from "./Complex.ts";
import type { DecoderOptions } from "./DecoderOptions.ts";
import { GobError } from "./GobError.ts";
import type { StructField } from "./GoType.ts";
import {
  encoderType,
  firstUserId,
  GoType,
  goTypes,
  isExported,
  mapOf,
  sliceOf,
  wireId,
} from "./GoType.ts";
import { nameOf, registeredType } from "./registry.ts";
import { TypeTable } from "./TypeTable.ts";
import { unmarshalTime, zeroTimeMs } from "./time.ts";
import { recordKey, recordObject, recordSlot, recordTime } from "./typeMemory.ts";
import { utf8Decode } from "./utf8.ts";
import type { WireType } from "./wireType.ts";
import { readWireType } from "./wireType.ts";

/** Thrown (internally) when a stream needs more bytes than it has been fed so far. */
export const needMore: unique symbol = Symbol("gob: need more input");

const sliceOfInterface = sliceOf(goTypes.interface);
const mapStringInterface = mapOf(goTypes.string, goTypes.interface);
const mapInterfaceInterface = mapOf(goTypes.interface, goTypes.interface);

/** The predefined types by id: bool, int, uint, float, []byte, string, complex, interface. */
const builtin: (GoType | undefined)[] = [
  undefined,
  goTypes.bool,
  goTypes.int,
  goTypes.uint,
  goTypes.float64,
  goTypes.bytes,
  goTypes.string,
  goTypes.complex128,
  goTypes.interface,
];

/** Type definitions decoded lately (never modified once read). */
const recentDefs: { bytes: Uint8Array; wire: WireType }[] = [];
const maxRecentDefs = 16;
const maxRecentDefBytes = 64;
let nextRecentDef = 0;

/** Interface names decoded lately (ASCII only), most sessions use a handful. */
const recentNames: string[] = [];
const maxRecentNames = 16;
let nextRecent = 0;

/** Go allows interface type names up to this length. */
const maxNameLength = 1024;
const maxFloat32 = 3.4028234663852886e38;
const maxTypeId = 2 ** 31 - 1;

const intBits: Record<string, number> = {
  int8: 7,
  int16: 15,
  int32: 31,
  uint8: 8,
  uint16: 16,
  uint32: 32,
};

/** Which fields of a wire struct type are exported (Go ignores the others). */
const exportedFields = new WeakMap<GoType, boolean[]>();

function exported(t: GoType): boolean[] {
  let e = exportedFields.get(t);
  if (e === undefined) {
    e = t.fields.map((f) => isExported(f.name));
    exportedFields.set(t, e);
  }
  return e;
}

/** The type a fresh primitive would be encoded as. */
function freshPrimitive(v: unknown): GoType | undefined {
  switch (typeof v) {
    case "string":
      return goTypes.string;
    case "boolean":
      return goTypes.bool;
    case "number":
      return Number.isSafeInteger(v) && !Object.is(v, -0) ? goTypes.int : goTypes.float64;
    case "bigint":
      return v >= -(2n ** 63n) && v < 2n ** 63n ? goTypes.int64 : goTypes.uint64;
    default:
      return undefined;
  }
}

function setKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(obj, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else {
    obj[key] = value;
  }
}

function limit(message: string): GobError {
  return new GobError("limit", message);
}

export interface Mark {
  readonly pos: number;
  readonly defs: number;
}

export class ValueDecoder extends ByteReader {
  private options: Required<DecoderOptions>;
  private readonly final: boolean;
  /** The definitions received, and the types built from them. */
  private readonly table = new TypeTable();
  /** Zero values still allowed for the current value (absent array fields expand to many). */
  private zeroBudget = 0;
  /** The Go type and name of the interface value decoded last. */
  private ifType: GoType = goTypes.interface;
  private ifName = "";
  /** The bytes of the string decoded last in an interface, when they were not valid UTF-8. */
  private ifRaw: Uint8Array | undefined = undefined;
  /** Whether that value is a primitive whose Go type is not the one it would be encoded as. */
  private ifRecord = false;
  private readonly opaque = new Map<string, GoType>();

  /**
   * @param final true when the input is complete (running out of it is a decode error);
   *   false for a stream fed in chunks (running out throws {@link needMore}).
   */
  constructor(options: Required<DecoderOptions>, final: boolean) {
    super();
    this.options = options;
    this.final = final;
  }

  /** Starts a new stream on `data` (reusing this engine). */
  reset(options: Required<DecoderOptions>, data: Uint8Array): void {
    this.options = options;
    this.table.clear();
    if (this.opaque.size > 0) this.opaque.clear();
    this.data = data;
    this.pos = 0;
    this.end = 0;
  }

  /** Where a value starts, to return to when it turns out incomplete. */
  mark(): Mark {
    return { pos: this.pos, defs: this.table.size };
  }

  /** Forgets what was read since `m` (the type definitions too). */
  rollback(m: Mark): void {
    this.table.truncate(m.defs);
    this.pos = m.pos;
    this.end = m.pos;
  }

  /** Decodes the next value of the stream (Go's `Decoder.DecodeValue`). */
  decodeNext(): unknown {
    this.zeroBudget = this.options.maxMessageSize;
    // 1. TypeSequence, then int(typeId): definitions are recorded, the value's id returned.
    const id = this.typeSequence(false);
    // 2. Value of that type.
    const value = this.topValue(this.resolve(id), 0);
    // 3. What is left of the message is dropped, as Go resets its buffer before each value.
    this.pos = this.end;
    return value;
  }

  /** Runs out of input: an error for complete input, a wait for a stream. */
  private eof(what: string): never {
    if (!this.final) throw needMore;
    throw decodeError(what);
  }

  /** DelimitedMessage: uint(lengthOfMessage) Message — makes the message the current buffer. */
  private recvMessage(first: boolean): void {
    const d = this.data;
    let p = this.pos;
    if (p >= d.length) this.eof(first ? "EOF" : "unexpected EOF");
    let n = d[p++];
    if (n >= 0x80) {
      const k = 256 - n;
      if (k > 8) throw decodeError("encoded unsigned integer out of range");
      if (p + k > d.length) this.eof("unexpected EOF");
      n = 0;
      for (let i = 0; i < k; i++) n = n * 256 + d[p++];
    }
    if (n > this.options.maxMessageSize) {
      throw limit(`message of ${n} bytes exceeds maxMessageSize ${this.options.maxMessageSize}`);
    }
    if (p + n > d.length) this.eof("unexpected EOF");
    this.pos = p;
    this.end = p + n;
  }

  /**
   * TypeSequence: (TypeDefinition DelimitedTypeDefinition*)? — records the definitions and
   * returns the id of the value that follows. Inside an interface value a definition may
   * end the current message (Go flushes it), or be followed by the count of what comes next.
   */
  private typeSequence(isInterface: boolean): number {
    const c = this.pos < this.end ? this.data[this.pos] : 0x80;
    if (c < 0x80 && (c & 1) === 0) {
      // The common case: no definitions, a small type id.
      this.pos++;
      return c >> 1;
    }
    let first = true;
    for (;;) {
      if (this.pos >= this.end) this.recvMessage(first);
      const id = this.int();
      if (id >= 0) return id;
      // TypeDefinition: int(-typeId) encodingOfWireType
      this.recvType(-id);
      if (this.pos < this.end) {
        if (!isInterface) throw decodeError("extra data in buffer");
        this.uint();
      }
      first = false;
    }
  }

  /** Records the definition of type `id`: a user id (≥ 64) not defined before. */
  private recvType(id: number): void {
    if (id < firstUserId || id > maxTypeId || this.table.wire(id) !== undefined) {
      throw decodeError("duplicate type received");
    }
    if (this.table.size >= this.options.maxTypeDefs) {
      throw limit(`more than maxTypeDefs ${this.options.maxTypeDefs} type definitions`);
    }
    this.table.define(id, this.wireType());
  }

  /**
   * encodingOfWireType. Streams from one program define the same types in the same bytes
   * (a session's map type, its flash slice), so recent definitions that filled a whole
   * message are kept: a message of the same bytes is the same definition.
   */
  private wireType(): WireType {
    const d = this.data;
    const start = this.pos;
    const n = this.end - start;
    for (let k = 0; k < recentDefs.length; k++) {
      const def = recentDefs[k];
      const b = def.bytes;
      if (b.length !== n) continue;
      let i = 0;
      while (i < n && b[i] === d[start + i]) i++;
      if (i === n) {
        this.pos = this.end;
        return def.wire;
      }
    }
    const wire = readWireType(this);
    if (this.pos === this.end && n <= maxRecentDefBytes) {
      const def = { bytes: copyOf(d, start, this.pos), wire };
      if (recentDefs.length < maxRecentDefs) recentDefs.push(def);
      else recentDefs[nextRecentDef++ % maxRecentDefs] = def;
    }
    return wire;
  }

  /** The Go type of id: predefined, or built from the definitions (all of which must exist). */
  private resolve(id: number): GoType {
    const b = builtin[id];
    if (b !== undefined) return b;
    const r = this.table.type(id);
    if (r !== undefined) return r;
    const w = this.table.wire(id);
    if (
      w === undefined ||
      w.kind === "array" ||
      w.kind === "struct" ||
      builtin[w.elem] === undefined
    ) {
      this.validate(id);
    } else if (w.kind === "map" && builtin[w.key] === undefined) {
      this.validate(id);
    }
    return this.build(id);
  }

  /** Checks every type reachable from `root` is defined and sound, before building any. */
  private validate(root: number): void {
    const stack = [root];
    const seen = new Set<number>();
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (builtin[id] !== undefined || seen.has(id) || this.table.type(id) !== undefined) continue;
      seen.add(id);
      const w = this.table.wire(id);
      if (w === undefined) throw decodeError(`unknown type id ${id} or corrupted data`);
      switch (w.kind) {
        case "array":
          if (!Number.isSafeInteger(w.len) || w.len < 0)
            throw decodeError(`invalid array length ${w.len}`);
          if (w.len > this.options.maxMessageSize) {
            throw limit(`array type of length ${w.len} exceeds maxMessageSize`);
          }
          stack.push(w.elem);
          break;
        case "slice":
          stack.push(w.elem);
          break;
        case "map":
          stack.push(w.key, w.elem);
          break;
        case "struct": {
          const names = new Set<string>();
          for (const f of w.fields) {
            if (f.name === "") throw decodeError(`empty name for remote field of type ${w.name}`);
            if (names.has(f.name)) throw decodeError(`duplicate field ${f.name} in type ${w.name}`);
            names.add(f.name);
            stack.push(f.id);
          }
          break;
        }
      }
    }
  }

  private build(id: number): GoType {
    const b = builtin[id];
    if (b !== undefined) return b;
    const done = this.table.type(id);
    if (done !== undefined) return done;
    const w = this.table.wire(id)!;
    if (w.type !== undefined) {
      this.table.setType(id, w.type);
      return w.type;
    }
    let t: GoType;
    switch (w.kind) {
      case "slice":
      case "map": {
        const elem = builtin[w.elem];
        const key = w.kind === "map" ? builtin[w.key] : goTypes.string;
        if (w.name === "" && elem !== undefined && key !== undefined) {
          // Unnamed slices and maps of predefined types are shared.
          t = w.kind === "slice" ? sliceOf(elem) : mapOf(key, elem);
          w.type = t;
          break;
        }
        t = new GoType(w.kind, w.name, w.name);
        this.table.setType(id, t);
        if (w.kind === "map") t.key = this.build(w.key);
        t.elem = this.build(w.elem);
        if (w.name === "") {
          t.name = w.kind === "map" ? `map[${t.key!.name}]${t.elem.name}` : `[]${t.elem.name}`;
        }
        break;
      }
      case "array":
        t = new GoType("array", w.name, w.name);
        this.table.setType(id, t);
        t.len = w.len;
        t.elem = this.build(w.elem);
        if (w.name === "") t.name = `[${w.len}]${t.elem.name}`;
        break;
      case "struct":
        t = new GoType("struct", w.name, w.name);
        this.table.setType(id, t);
        t.fields = w.fields.map((f): StructField => ({ name: f.name, type: this.build(f.id) }));
        break;
      case "encoder":
        t =
          w.name === "Time" && w.marshaler === "gob"
            ? goTypes.time
            : encoderType(w.name, w.marshaler);
        w.type = t;
        break;
    }
    this.table.setType(id, t);
    return t;
  }

  /**
   * The type of an interface value: a type registered under its name, when it has the same
   * wire form, lends its exact kinds (int8, uint16, ...); a GobEncoder named "Time" is a
   * time.Time only under that name.
   */
  private refine(name: string, t: GoType): GoType {
    if (t.isBasic && name === t.name) return t;
    const r = registeredType(name);
    if (r !== undefined && r !== t && r.wireKey === t.wireKey) return r;
    if (t === goTypes.time && name !== "time.Time") {
      let o = this.opaque.get(name);
      if (o === undefined) {
        o = encoderType(name, "gob");
        this.opaque.set(name, o);
      }
      return o;
    }
    return t;
  }

  /** The n-byte name at the read position: a stream's few names repeat, so recent ones are kept. */
  private name(n: number): string {
    const d = this.data;
    const start = this.pos;
    this.pos += n;
    for (let k = 0; k < recentNames.length; k++) {
      const s = recentNames[k];
      if (s.length !== n) continue;
      let i = 0;
      while (i < n && s.charCodeAt(i) === d[start + i]) i++;
      if (i === n) return s;
    }
    const s = utf8Decode(d, start, this.pos);
    if (s.length === n) {
      // ASCII: comparable byte for byte next time.
      if (recentNames.length < maxRecentNames) recentNames.push(s);
      else recentNames[nextRecent++ % maxRecentNames] = s;
    }
    return s;
  }

  private enter(depth: number): number {
    if (depth >= this.options.maxDepth) {
      throw limit(`values nest deeper than maxDepth ${this.options.maxDepth}`);
    }
    return depth + 1;
  }

  /** Value: SingletonValue (uint(0) FieldValue) | StructValue. */
  private topValue(t: GoType, depth: number): unknown {
    if (t.kind === "struct") return this.struct(t, depth);
    if (this.uint() !== 0)
      throw decodeError("decode: corrupted data: non-zero delta for singleton");
    return this.value(t, depth);
  }

  /** FieldValue of type t. */
  private value(t: GoType, depth: number): unknown {
    // The kinds sessions hold most come first.
    switch (t.kind) {
      case "string":
        return this.string();
      case "int":
      case "int64":
        return this.intValue();
      case "interface":
        return this.iface(depth);
      case "bool":
        return this.uint() !== 0;
      case "float64":
        return this.float();
      case "slice":
        return this.slice(t, depth);
      case "map":
        return this.map(t, depth);
      case "struct":
        return this.struct(t, depth);
      case "encoder":
        return this.encoded(t);
      case "bytes":
        return this.bytes();
      case "uint":
      case "uint64":
      case "uintptr":
        return this.uintValue();
      case "int8":
      case "int16":
      case "int32":
      case "uint8":
      case "uint16":
      case "uint32": {
        const v = t.kind[0] === "i" ? this.intValue() : this.uintValue();
        const bits = intBits[t.kind];
        if (typeof v !== "number" || v < (t.kind[0] === "i" ? -(2 ** bits) : 0) || v >= 2 ** bits) {
          throw decodeError(`value for "${t.name}" out of range`);
        }
        return v;
      }
      case "float32":
        return this.float32(t);
      case "complex128":
        return new Complex(this.float(), this.float());
      case "complex64": {
        const c = new Complex(this.float32(t), this.float32(t));
        recordObject(c, t);
        return c;
      }
      case "array":
        return this.array(t, depth);
    }
  }

  /** A float32 arrives as a float64; Go rejects values beyond float32's range. */
  private float32(t: GoType): number {
    const f = this.float();
    if (Math.abs(f) > maxFloat32 && Number.isFinite(f))
      throw decodeError(`value for "${t.name}" out of range`);
    return f;
  }

  /** Whether a primitive from an interface slot needs its type remembered. */
  private slotNeedsRecord(v: unknown): boolean {
    const fresh = freshPrimitive(v);
    return (
      fresh !== undefined &&
      (this.ifType !== fresh || this.ifName !== fresh.name || this.ifRaw !== undefined)
    );
  }

  /** The number of elements a count may announce: each takes at least one byte. */
  private checkCount(n: number, perElement: number, what: string): void {
    if (n * perElement > this.data.length - this.pos) {
      if (!this.final && n * perElement <= this.options.maxMessageSize * 64) throw needMore;
      throw decodeError(`${what} length ${n} exceeds input size`);
    }
  }

  /** SliceValue: uint(n) FieldValue*n. */
  private slice(t: GoType, depth: number): unknown[] {
    const d = this.enter(depth);
    const n = this.uint();
    this.checkCount(n, 1, "slice");
    const out: unknown[] = [];
    this.elements(out, t.elem!, n, d);
    if (t !== sliceOfInterface) recordObject(out, t);
    return out;
  }

  /** ArrayValue: uint(n) FieldValue*n, where n must be the array's length. */
  private array(t: GoType, depth: number): unknown[] {
    const d = this.enter(depth);
    if (this.uint() !== t.len) throw decodeError("length mismatch in decodeArray");
    this.checkCount(t.len, 1, "array");
    const out: unknown[] = [];
    this.elements(out, t.elem!, t.len, d);
    recordObject(out, t);
    return out;
  }

  private elements(out: unknown[], elem: GoType, n: number, depth: number): void {
    for (let i = 0; i < n; i++) {
      if (this.pos >= this.end) {
        throw decodeError(`decoding array or slice: length exceeds input size (${n} elements)`);
      }
      if (elem.kind === "interface") {
        const v = this.iface(depth);
        if (this.ifRecord) recordSlot(out, i, v, this.ifType, this.ifName, this.ifRaw);
        out.push(v);
      } else {
        out.push(this.value(elem, depth));
      }
    }
  }

  /** MapValue: uint(n) (FieldValue FieldValue)*n. */
  private map(t: GoType, depth: number): unknown {
    const d = this.enter(depth);
    const n = this.uint();
    this.checkCount(n, 2, "map");
    const key = t.key!;
    const elem = t.elem!;
    if (key.kind === "string") {
      // map[string]X: a plain object (a "__proto__" key is an own property).
      const obj: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) {
        const k = this.string();
        if (elem.kind === "interface") {
          const v = this.iface(d);
          if (this.ifRecord) recordSlot(obj, k, v, this.ifType, this.ifName, this.ifRaw);
          setKey(obj, k, v);
        } else {
          setKey(obj, k, this.value(elem, d));
        }
      }
      if (t !== mapStringInterface) recordObject(obj, t);
      return obj;
    }
    const m = new Map<unknown, unknown>();
    for (let i = 0; i < n; i++) {
      let k: unknown;
      if (key.kind === "interface") {
        k = this.iface(d);
        if (this.ifRecord) recordKey(m, k, this.ifType, this.ifName, this.ifRaw);
      } else {
        k = this.value(key, d);
      }
      if (elem.kind === "interface") {
        const v = this.iface(d);
        if (this.ifRecord) recordSlot(m, k, v, this.ifType, this.ifName, this.ifRaw);
        m.set(k, v);
      } else {
        m.set(k, this.value(elem, d));
      }
    }
    if (t !== mapInterfaceInterface) recordObject(m, t);
    return m;
  }

  /**
   * StructValue: (uint(fieldDelta) FieldValue)*, ended by a zero delta (or the message).
   * A plain object of the exported fields, in order; absent fields get their zero values.
   */
  private struct(t: GoType, depth: number): Record<string, unknown> {
    const d = this.enter(depth);
    const fields = t.fields;
    const nf = fields.length;
    const vals: unknown[] = new Array(nf).fill(undefined);
    let slots: [string, unknown, GoType, string, Uint8Array | undefined][] | undefined;
    let fieldnum = -1;
    while (this.pos < this.end) {
      const delta = this.uint();
      if (delta === 0) break;
      if (fieldnum >= nf - delta) throw decodeError("bad data: field numbers out of bounds");
      fieldnum += delta;
      const f = fields[fieldnum];
      if (f.type.kind === "interface") {
        const v = this.iface(d);
        if (this.ifRecord) {
          slots ??= [];
          slots.push([f.name, v, this.ifType, this.ifName, this.ifRaw]);
        }
        vals[fieldnum] = v;
      } else {
        vals[fieldnum] = this.value(f.type, d);
      }
    }
    const obj: Record<string, unknown> = {};
    const exp = exported(t);
    for (let i = 0; i < nf; i++) {
      if (!exp[i]) continue; // Go decodes and drops unexported fields
      const v = vals[i];
      obj[fields[i].name] = v !== undefined ? v : this.zero(fields[i].type, d);
    }
    if (slots !== undefined) {
      for (const [k, v, st, sn, raw] of slots) recordSlot(obj, k, v, st, sn, raw);
    }
    recordObject(obj, t);
    return obj;
  }

  /**
   * The zero value of an absent struct field, as Go leaves it: a field of struct type is
   * absent only when it is a nil pointer (Go always sends struct values), so it is null.
   */
  private zero(t: GoType, depth: number): unknown {
    switch (t.kind) {
      case "bool":
        return false;
      case "complex64":
      case "complex128":
        return new Complex(0, 0);
      case "string":
        return "";
      case "bytes":
        return new Uint8Array(0);
      case "interface":
      case "struct":
        return null;
      case "slice": {
        const s: unknown[] = [];
        if (t !== sliceOfInterface) recordObject(s, t);
        return s;
      }
      case "array": {
        const d = this.enter(depth);
        this.zeroBudget -= t.len;
        if (this.zeroBudget < 0)
          throw limit("zero values of absent arrays exceed maxMessageSize elements");
        const a: unknown[] = [];
        for (let i = 0; i < t.len; i++) a.push(this.zero(t.elem!, d));
        recordObject(a, t);
        return a;
      }
      case "map": {
        const m: object = t.key!.kind === "string" ? {} : new Map();
        if (t !== mapStringInterface && t !== mapInterfaceInterface) recordObject(m, t);
        return m;
      }
      case "encoder": {
        if (t === goTypes.time) return new Date(zeroTimeMs);
        const b = new Uint8Array(0);
        recordObject(b, t);
        return b;
      }
      default:
        return 0;
    }
  }

  /** A GobEncoder, BinaryMarshaler or TextMarshaler: its bytes, as a byte slice. */
  private encoded(t: GoType): unknown {
    const b = this.bytes();
    if (t === goTypes.time) {
      const tv = unmarshalTime(b);
      const date = new Date(tv.ms);
      if (!tv.fresh) recordTime(date, b);
      return date;
    }
    recordObject(b, t);
    return b;
  }

  /**
   * InterfaceValue: NilInterfaceValue | NonNilInterfaceValue
   *	NilInterfaceValue:    uint(0)
   *	NonNilInterfaceValue: ConcreteTypeName TypeSequence InterfaceContents
   *	ConcreteTypeName:     uint(lengthOfName) [already read=n] name
   *	InterfaceContents:    int(concreteTypeId) DelimitedValue
   *	DelimitedValue:       uint(length) Value
   */
  private iface(depth: number): unknown {
    const d = this.enter(depth);
    // 1. ConcreteTypeName; the empty name is a nil interface value.
    const n = this.uint();
    if (n === 0) {
      this.ifType = goTypes.interface;
      this.ifName = "";
      this.ifRaw = undefined;
      this.ifRecord = false;
      return null;
    }
    if (n > maxNameLength) throw decodeError(`name too long (${n} bytes)`);
    if (n > this.end - this.pos)
      throw decodeError(`invalid type name length ${n}: exceeds input size`);
    const name = this.name(n);
    // 2. TypeSequence, ending with int(concreteTypeId).
    const id = this.typeSequence(true);
    // 3. DelimitedValue: its count is not needed (and not exact when types were sent inside).
    this.uint();
    const b = builtin[id];
    if (b !== undefined && id !== wireId.interface) {
      // A predefined type: SingletonValue, uint(0) then the value.
      if (this.uint() !== 0)
        throw decodeError("decode: corrupted data: non-zero delta for singleton");
      if (name === b.name) {
        // The predefined types under their own names, the bulk of sessions: read directly.
        this.ifType = b;
        this.ifName = name;
        if (id === wireId.string) {
          const s = this.string();
          this.ifRaw = this.invalidUtf8;
          this.ifRecord = this.ifRaw !== undefined;
          return s;
        }
        this.ifRaw = undefined;
        if (id === wireId.int) {
          const i = this.intValue();
          this.ifRecord = typeof i !== "number"; // a bigint would be encoded as int64
          return i;
        }
        if (id === wireId.bool) {
          this.ifRecord = false;
          return this.uint() !== 0;
        }
      }
      const t = name === b.name ? b : this.refine(name, b);
      return this.concrete(this.value(t, d), t, name);
    }
    const t = this.refine(name, this.resolve(id));
    return this.concrete(this.topValue(t, d), t, name);
  }

  /**
   * The value `v` of an interface whose concrete type is `t`, sent under `name`: an object
   * remembers a name other than its type's own, and the slot state is set for the caller.
   */
  private concrete(v: unknown, t: GoType, name: string): unknown {
    if (typeof v === "object" && v !== null && name !== nameOf(t)) recordObject(v, t, name);
    this.ifType = t;
    this.ifName = name;
    this.ifRaw = typeof v === "string" ? this.invalidUtf8 : undefined;
    this.ifRecord = this.slotNeedsRecord(v);
    return v;
  }
}
