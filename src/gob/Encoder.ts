/**
 * A gob stream encoder: each `encode(value)` returns the bytes of one value, preceded by the
 * definitions of the types this stream has not sent yet. Concatenated, the chunks of one
 * `Encoder` form one stream, which Go's `gob.NewDecoder(r).Decode(&v)` reads value by value.
 *
 * Port of Go 1.26 encoding/gob encoder.go and encode.go. The Go type of each value is chosen
 * by the rules of the module's documentation (README.md): an explicit {@link GoValue}, else
 * the type remembered from decoding while the value still fits it, else the fresh-value rules
 * (integral number → int, other number → float64, bigint → int64, string, boolean,
 * Uint8Array → []uint8, Array → []interface {}, plain object → map[string]interface {},
 * Map → map[interface {}]interface {}, Date → time.Time, null/undefined → nil).
 */
import { ByteWriter } from "./ByteWriter.ts";
import { Complex } from "./Complex.ts";
import { GobError } from "./GobError.ts";
import type { GoType } from "./GoType.ts";
import { firstUserId, goTypes, isComparable, mapOf, sliceOf } from "./GoType.ts";
import { fits, GoValue, isPlainObject, maxValueDepth } from "./GoValue.ts";
import { nameOf } from "./registry.ts";
import { StreamTypes } from "./StreamTypes.ts";
import { isZeroTime, marshalDate, zeroTimeMs } from "./time.ts";
import type { SlotRecord } from "./typeMemory.ts";
import { memoOf } from "./typeMemory.ts";
import { utf8Write } from "./utf8.ts";
import { writeWireType } from "./wireType.ts";

const sliceOfInterface = sliceOf(goTypes.interface);
const mapStringInterface = mapOf(goTypes.string, goTypes.interface);
const mapInterfaceInterface = mapOf(goTypes.interface, goTypes.interface);

/** ConcreteTypeName and int(typeId) of a fresh primitive in an interface value. */
function interfaceHead(t: GoType): Uint8Array {
  const w = new ByteWriter(16);
  w.string(t.name);
  w.int(t.builtinId);
  return w.take();
}

const stringHead = interfaceHead(goTypes.string);
const intHead = interfaceHead(goTypes.int);
const float64Head = interfaceHead(goTypes.float64);
const boolHead = interfaceHead(goTypes.bool);

/** The types `assignIds` is inside of, reused by every call from the top (it runs to completion). */
const inProgress: string[] = [];

/** Interface names, with their count prefix, ready to copy. */
const nameBytes = new Map<string, Uint8Array>();
const maxCachedNames = 512;

function usage(message: string): GobError {
  return new GobError("usage", message);
}

function describe(v: unknown): string {
  if (typeof v === "object" && v !== null) return v.constructor?.name ?? "object";
  return typeof v;
}

/** `#resetStream` of an Encoder, handed over by the class's static block. */
let reset: (enc: Encoder) => void;

export class Encoder {
  private readonly w = new ByteWriter();
  /** The stream's type ids, and which definitions it has sent. */
  private readonly types = new StreamTypes();
  private nextId = firstUserId;
  /** Where the innermost open region (message or delimited value) starts. */
  private region = 0;
  /** The outcome of `choose`: the Go type, interface name and JS value to send. */
  private ct: GoType = goTypes.interface;
  private cn = "";
  private cv: unknown;

  /**
   * Encodes one value: returns the bytes to append to the stream. A failed value leaves the
   * stream as it was (nothing of it has been returned, no type counts as sent).
   */
  encode(value: unknown): Uint8Array {
    const w = this.w;
    w.begin();
    const typesBefore = this.types.size;
    const nextId = this.nextId;
    try {
      // 1. The type of the value (Go encodes the dynamic type of its argument).
      if (!this.choose(value, undefined)) throw usage("cannot encode nil value");
      const t = this.ct;
      const v = this.cv;
      // 2. DelimitedMessage: uint(lengthOfMessage) Message.
      this.region = w.open();
      // 3. TypeSequence: the definitions not sent yet, each its own message.
      this.sendType(t);
      // 4. TypedValue: int(typeId) Value.
      w.int(this.idOf(t));
      this.encodeTop(t, v, 0);
      w.close(this.region);
      return w.take();
    } catch (e) {
      w.abandon();
      this.types.truncate(typesBefore);
      this.nextId = nextId;
      throw e;
    }
  }

  /**
   * Chooses the Go type of `v` sent where any type may go (top level, interface value);
   * false for nil. `slot` is what decoding remembered of this place, if anything.
   */
  private choose(v: unknown, slot: SlotRecord | undefined): boolean {
    switch (typeof v) {
      case "string":
        this.pick(slot !== undefined && slot.value === v ? slot : undefined, goTypes.string, v);
        return true;
      case "number":
        if (slot !== undefined && Object.is(slot.value, v)) this.pick(slot, goTypes.int, v);
        else if (Number.isSafeInteger(v) && !Object.is(v, -0)) this.pick(undefined, goTypes.int, v);
        else this.pick(undefined, goTypes.float64, v);
        return true;
      case "bigint":
        if (slot !== undefined && slot.value === v) this.pick(slot, goTypes.int64, v);
        else if (v >= -(2n ** 63n) && v < 2n ** 63n) this.pick(undefined, goTypes.int64, v);
        else if (v >= 0n && v < 2n ** 64n) this.pick(undefined, goTypes.uint64, v);
        else throw usage(`bigint ${v} overflows int64 and uint64`);
        return true;
      case "boolean":
        this.pick(slot !== undefined && slot.value === v ? slot : undefined, goTypes.bool, v);
        return true;
      case "undefined":
        return false;
      case "object": {
        if (v === null) return false;
        if (v instanceof GoValue) {
          this.ct = v.type;
          this.cn = nameOf(v.type);
          this.cv = v.value;
          return true;
        }
        const m = memoOf(v);
        if (m?.type !== undefined && fits(m.type, v, 0)) {
          this.ct = m.type;
          this.cn = m.name ?? nameOf(m.type);
          this.cv = v;
          return true;
        }
        this.pick(undefined, this.freshType(v), v);
        return true;
      }
      default:
        throw usage(`cannot encode a ${typeof v}`);
    }
  }

  private pick(slot: SlotRecord | undefined, fresh: GoType, v: unknown): void {
    if (slot !== undefined) {
      this.ct = slot.type;
      this.cn = slot.name ?? nameOf(slot.type);
    } else {
      this.ct = fresh;
      this.cn = nameOf(fresh);
    }
    this.cv = v;
  }

  private freshType(v: object): GoType {
    if (Array.isArray(v)) return sliceOfInterface;
    if (v instanceof Map) return mapInterfaceInterface;
    if (v instanceof Uint8Array) return goTypes.bytes;
    if (v instanceof Date) return goTypes.time;
    if (v instanceof Complex) return goTypes.complex128;
    if (isPlainObject(v)) return mapStringInterface;
    throw usage(`cannot encode a ${describe(v)}`);
  }

  /** Forgets the types sent: the next value starts a new stream (as a new Encoder would). */
  #resetStream(): void {
    this.types.truncate(0);
    this.nextId = firstUserId;
  }

  private idOf(t: GoType): number {
    return t.isBasic ? t.builtinId : this.types.id(t.wireKey);
  }

  private assign(key: string): void {
    this.types.assign(key, this.nextId++);
  }

  /** Assigns stream ids in Go's order: a struct before its fields, other types after their elements. */
  private assignIds(t: GoType, inProgress: string[]): void {
    if (t.isBasic) return;
    const key = t.wireKey;
    if (this.types.id(key) !== 0) return;
    switch (t.kind) {
      case "struct":
        this.assign(key);
        for (const f of t.fields) this.assignIds(f.type, inProgress);
        return;
      case "encoder":
        this.assign(key);
        return;
      default:
        if (inProgress.includes(key)) {
          this.assign(key); // a recursive type: id it before its elements, as Go's setTypeId does
          return;
        }
        inProgress.push(key);
        if (t.key !== null) this.assignIds(t.key, inProgress);
        this.assignIds(t.elem!, inProgress);
        if (this.types.id(key) === 0) this.assign(key);
    }
  }

  /**
   * Sends the definition of `t` unless sent before, then those of its inner types
   * (sendActualType). Each definition, TypeDefinition: int(-typeId) encodingOfWireType,
   * ends the innermost region: a message at top level, a delimited part of an interface
   * value inside one.
   */
  private sendType(t: GoType): void {
    if (t.isBasic) return; // basic types and interfaces are predefined
    const key = t.wireKey;
    if (this.types.isSent(key)) return;
    inProgress.length = 0;
    this.assignIds(t, inProgress);
    const id = this.types.id(key);
    const w = this.w;
    w.int(-id);
    if (t.defId === id && t.defBytes !== null) {
      w.raw(t.defBytes);
    } else {
      const start = w.pos;
      writeWireType(w, t, id, this.types);
      if (innerTypesBasic(t)) {
        t.defBytes = w.buf.slice(start, w.pos); // a copy: the buffer is written again
        t.defId = id;
      }
    }
    w.close(this.region);
    this.region = w.open();
    this.types.markSent(key);
    switch (t.kind) {
      case "struct":
        for (const f of t.fields) this.sendType(f.type);
        break;
      case "map":
        this.sendType(t.key!);
        this.sendType(t.elem!);
        break;
      case "slice":
      case "array":
        this.sendType(t.elem!);
        break;
    }
  }

  /** Value: SingletonValue (uint(0) FieldValue) | StructValue. */
  private encodeTop(t: GoType, v: unknown, depth: number): void {
    if (t.kind === "struct") {
      this.encodeStruct(t, v as Record<string, unknown>, depth);
    } else {
      this.w.uint(0);
      this.encodeValue(t, v, depth);
    }
  }

  /** FieldValue of type `t` (which `v` fits); interface values are the callers' business. */
  private encodeValue(t: GoType, v: unknown, depth: number): void {
    if (v instanceof GoValue && t.kind !== "interface") v = v.value;
    const w = this.w;
    switch (t.kind) {
      case "bool":
        w.uint(v ? 1 : 0);
        return;
      case "int":
      case "int8":
      case "int16":
      case "int32":
      case "int64":
        if (typeof v === "number") w.intNumber(v);
        else w.intBig(v as bigint);
        return;
      case "uint":
      case "uint8":
      case "uint16":
      case "uint32":
      case "uint64":
      case "uintptr":
        if (typeof v === "number") w.uintNumber(v);
        else w.uintBig(v as bigint);
        return;
      case "float32":
        w.float(Math.fround(v as number));
        return;
      case "float64":
        w.float(v as number);
        return;
      case "complex64":
        w.float(Math.fround((v as Complex).real));
        w.float(Math.fround((v as Complex).imag));
        return;
      case "complex128":
        w.float((v as Complex).real);
        w.float((v as Complex).imag);
        return;
      case "string":
        w.string(v as string);
        return;
      case "bytes":
        w.bytesValue(v as Uint8Array);
        return;
      case "interface":
        this.encodeInterface(v, undefined, depth, false);
        return;
      case "slice":
      case "array":
        this.encodeArray(t, v as unknown[], depth);
        return;
      case "map":
        this.encodeMap(t, v as object, depth);
        return;
      case "struct":
        this.encodeStruct(t, v as Record<string, unknown>, depth);
        return;
      case "encoder":
        // A GobEncoder's bytes, sent as a byte slice.
        w.bytesValue(
          t === goTypes.time || t.typeKey === goTypes.time.typeKey
            ? timeBytes(v as Date)
            : (v as Uint8Array),
        );
        return;
    }
  }

  private checkDepth(depth: number): void {
    if (depth > maxValueDepth) throw usage("value nests too deeply (is it cyclic?)");
  }

  /** ArrayValue / SliceValue: uint(n) FieldValue*n. */
  private encodeArray(t: GoType, v: unknown[], depth: number): void {
    this.checkDepth(depth);
    const elem = t.elem!;
    this.w.uint(v.length);
    if (elem.kind === "interface") {
      const slots = memoOf(v)?.slots;
      for (let i = 0; i < v.length; i++)
        this.encodeInterface(v[i], slots?.get(i), depth + 1, false);
    } else {
      for (let i = 0; i < v.length; i++) this.encodeValue(elem, v[i], depth + 1);
    }
  }

  /** MapValue: uint(n) (FieldValue FieldValue)*n. */
  private encodeMap(t: GoType, v: object, depth: number): void {
    this.checkDepth(depth);
    const key = t.key!;
    const elem = t.elem!;
    const memo = memoOf(v);
    const slots = memo?.slots;
    const keys = memo?.keys;
    if (v instanceof Map) {
      this.w.uint(v.size);
      for (const [k, e] of v) {
        if (key.kind === "interface") this.encodeInterface(k, keys?.get(k), depth + 1, true);
        else this.encodeValue(key, k, depth + 1);
        if (elem.kind === "interface") this.encodeInterface(e, slots?.get(k), depth + 1, false);
        else this.encodeValue(elem, e, depth + 1);
      }
      return;
    }
    const obj = v as Record<string, unknown>;
    const ks = Object.keys(obj);
    this.w.uint(ks.length);
    for (const k of ks) {
      if (key.kind === "interface") this.encodeInterface(k, keys?.get(k), depth + 1, true);
      else this.encodeValue(key, k, depth + 1);
      if (elem.kind === "interface") this.encodeInterface(obj[k], slots?.get(k), depth + 1, false);
      else this.encodeValue(elem, obj[k], depth + 1);
    }
  }

  /**
   * StructValue: (uint(fieldDelta) FieldValue)* then uint(0). Zero fields are omitted, as
   * Go omits them; a missing array field is sent as a zero array (Go always sends arrays).
   */
  private encodeStruct(t: GoType, obj: Record<string, unknown>, depth: number): void {
    this.checkDepth(depth);
    const w = this.w;
    const slots = memoOf(obj)?.slots;
    const fields = t.fields;
    let fieldnum = -1;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      let e = Object.hasOwn(obj, f.name) ? obj[f.name] : undefined;
      if (e instanceof GoValue && f.type.kind !== "interface") e = e.value;
      if (e === undefined && f.type.kind === "array") e = zeroValue(f.type);
      if (isZero(f.type, e)) continue;
      w.uint(i - fieldnum);
      fieldnum = i;
      if (f.type.kind === "interface")
        this.encodeInterface(e, slots?.get(f.name), depth + 1, false);
      else this.encodeValue(f.type, e, depth + 1);
    }
    w.uint(0);
  }

  /**
   * InterfaceValue: NilInterfaceValue (uint(0)) | NonNilInterfaceValue:
   * ConcreteTypeName TypeSequence InterfaceContents, where InterfaceContents is
   * int(concreteTypeId) DelimitedValue, and DelimitedValue is uint(length) Value.
   */
  private encodeInterface(
    v: unknown,
    slot: SlotRecord | undefined,
    depth: number,
    isKey: boolean,
  ): void {
    this.checkDepth(depth);
    const w = this.w;
    if (slot === undefined) {
      // Fresh primitives, the bulk of sessions, go straight out: name and id are fixed.
      switch (typeof v) {
        case "string": {
          if (v.length < 40) {
            // Every count fits one byte (at most 3 UTF-8 bytes per unit): one bounds check,
            // then the head, the value's count, the singleton's 0, the string's count, its bytes.
            const h = stringHead.length;
            w.ensure(h + 3 + v.length * 3);
            const buf = w.buf;
            const at = w.pos + h;
            for (let i = 0; i < h; i++) buf[at - h + i] = stringHead[i];
            buf[at + 1] = 0;
            const end = utf8Write(v, buf, at + 3);
            buf[at + 2] = end - at - 3;
            buf[at] = end - at - 1;
            w.pos = end;
            return;
          }
          w.raw(stringHead);
          const at = w.open();
          w.byte(0);
          w.string(v);
          w.close(at);
          return;
        }
        case "number": {
          const integral = Number.isSafeInteger(v) && (v !== 0 || 1 / v > 0);
          w.raw(integral ? intHead : float64Head);
          const at = w.open();
          w.byte(0);
          if (integral) w.intNumber(v);
          else w.float(v);
          w.close(at);
          return;
        }
        case "boolean":
          w.raw(boolHead);
          w.byte(2); // the value's count: 00 for the singleton, then 00 or 01
          w.byte(0);
          w.byte(v ? 1 : 0);
          return;
      }
    }
    if (slot?.raw !== undefined && slot.value === v) {
      // A Go string that was not valid UTF-8, unchanged: its own bytes.
      this.writeName(slot.name ?? nameOf(slot.type));
      w.int(slot.type.builtinId);
      const at = w.open();
      w.byte(0);
      w.bytesValue(slot.raw);
      w.close(at);
      return;
    }
    if (!this.choose(v, slot)) {
      w.uint(0);
      return;
    }
    const t = this.ct;
    const name = this.cn;
    const value = this.cv;
    if (isKey && !isComparable(t)) throw usage(`map key of unhashable type ${t.name}`);
    // 1. ConcreteTypeName: uint(lengthOfName) name.
    this.writeName(name);
    // 2. TypeSequence: definitions of types this stream has not sent.
    this.sendType(t);
    // 3. int(concreteTypeId), then the value in a region of its own.
    w.int(this.idOf(t));
    const outer = this.region;
    this.region = w.open();
    this.encodeTop(t, value, depth + 1);
    w.close(this.region);
    this.region = outer;
  }

  private writeName(name: string): void {
    let b = nameBytes.get(name);
    if (b === undefined) {
      const bw = new ByteWriter(name.length * 3 + 9);
      bw.string(name);
      b = bw.take();
      if (nameBytes.size < maxCachedNames) nameBytes.set(name, b);
    }
    this.w.raw(b);
  }

  static {
    reset = (enc) => enc.#resetStream();
  }
}

/**
 * Forgets the types `enc` sent: its next value starts a new stream (as a new Encoder would).
 * For `encode.ts`, which reuses one Encoder; not part of the public class.
 */
export function resetStream(enc: Encoder): void {
  reset(enc);
}

/** Whether the definition of `t` names only predefined types (so its bytes depend on its id alone). */
function innerTypesBasic(t: GoType): boolean {
  switch (t.kind) {
    case "struct":
      return t.fields.every((f) => f.type.isBasic);
    case "encoder":
      return true;
    default:
      return t.elem!.isBasic && (t.key === null || t.key.isBasic);
  }
}

/** The bytes of a `time.Time`: those it was decoded from while its instant is unchanged. */
function timeBytes(d: Date): Uint8Array {
  const rec = memoOf(d)?.time;
  if (rec !== undefined && Object.is(rec.ms, d.getTime())) return rec.bytes;
  return marshalDate(d.getTime());
}

/** Whether a struct field holds its zero value, which gob does not send. */
function isZero(t: GoType, v: unknown): boolean {
  if (v === undefined || v === null) return true;
  switch (t.kind) {
    case "bool":
      return v === false;
    case "float32":
    case "float64":
      return v === 0;
    case "complex64":
    case "complex128":
      return (v as Complex).real === 0 && (v as Complex).imag === 0;
    case "string":
      return v === "";
    case "bytes":
    case "slice":
      return (v as ArrayLike<unknown>).length === 0;
    case "array":
    case "map":
    case "struct":
    case "interface":
      return false;
    case "encoder": {
      if (!(v instanceof Date)) return (v as Uint8Array).length === 0;
      const rec = memoOf(v)?.time;
      if (rec !== undefined && Object.is(rec.ms, v.getTime())) return isZeroTime(rec.bytes);
      return v.getTime() === zeroTimeMs;
    }
    default:
      return v === 0 || v === 0n; // integers
  }
}

/** The JS zero value of a Go type, for array fields missing from a struct object. */
function zeroValue(t: GoType): unknown {
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
      return null;
    case "slice":
      return [];
    case "array":
      return Array.from({ length: t.len }, () => zeroValue(t.elem!));
    case "map":
      return new Map();
    case "struct":
      return {};
    case "encoder":
      return t.typeKey === goTypes.time.typeKey ? new Date(zeroTimeMs) : new Uint8Array(0);
    default:
      return 0;
  }
}
