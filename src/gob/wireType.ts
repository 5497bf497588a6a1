/**
 * Type definitions on the wire: the `wireType` struct a stream sends for each type it uses.
 *
 * Port of `wireType`, `arrayType`, `sliceType`, `structType`, `fieldType`, `mapType`,
 * `gobEncoderType` and `CommonType` of Go 1.26 encoding/gob type.go, read and written as gob
 * structs (doc.go):
 *
 *	type wireType struct {
 *		ArrayT           *arrayType       // field 0
 *		SliceT           *sliceType       // field 1
 *		StructT          *structType      // field 2
 *		MapT             *mapType         // field 3
 *		GobEncoderT      *gobEncoderType  // field 4
 *		BinaryMarshalerT *gobEncoderType  // field 5
 *		TextMarshalerT   *gobEncoderType  // field 6
 *	}
 *	type CommonType struct { Name string; Id int }
 *	type arrayType struct { CommonType; Elem typeId; Len int }
 *	type sliceType struct { CommonType; Elem typeId }
 *	type structType struct { CommonType; Field []fieldType }
 *	type fieldType struct { Name string; Id int }
 *	type mapType struct { CommonType; Key typeId; Elem typeId }
 *	type gobEncoderType struct { CommonType }
 */
import type { ByteReader } from "./ByteReader.ts";
import { decodeError } from "./ByteReader.ts";
import type { ByteWriter } from "./ByteWriter.ts";
import type { GoType, Marshaler } from "./GoType.ts";

export interface WireField {
  readonly name: string;
  readonly id: number;
}

/** A type definition as received: type ids are resolved when a value first uses the type. */
export interface WireType {
  kind: "array" | "slice" | "struct" | "map" | "encoder";
  name: string;
  elem: number;
  key: number;
  len: number;
  fields: WireField[];
  marshaler: Marshaler;
  /** The Go type of a definition that names only predefined types, once built. */
  type?: GoType;
}

const marshalers: Marshaler[] = ["gob", "binary", "text"];

/**
 * Reads the next field number of a struct value. StructValue: (uint(fieldDelta) FieldValue)*,
 * ended by a zero delta or the end of the message. Returns -1 at the end of the struct.
 */
function nextField(r: ByteReader, fieldnum: number, numFields: number): number {
  if (r.pos >= r.end) return -1;
  const delta = r.uint();
  if (delta === 0) return -1;
  if (fieldnum >= numFields - delta) throw decodeError("bad data: field numbers out of bounds");
  return fieldnum + delta;
}

/** Fields of each kind's struct (arrayType, sliceType, structType, mapType, gobEncoderType). */
const numFieldsOf = [3, 2, 2, 3, 1, 1, 1];
const kinds: WireType["kind"][] = [
  "array",
  "slice",
  "struct",
  "map",
  "encoder",
  "encoder",
  "encoder",
];

/** Reads an encoded `wireType` value; exactly one of its fields must be set. */
export function readWireType(r: ByteReader): WireType {
  const w: WireType = {
    kind: "struct",
    name: "",
    elem: 0,
    key: 0,
    len: 0,
    fields: [],
    marshaler: "gob",
  };
  let set = 0;
  for (let which = nextField(r, -1, 7); which >= 0; which = nextField(r, which, 7)) {
    set++;
    w.kind = kinds[which];
    if (which >= 4) w.marshaler = marshalers[which - 4];
    // The xxxType struct: its field 0 is the embedded CommonType.
    for (
      let f = nextField(r, -1, numFieldsOf[which]);
      f >= 0;
      f = nextField(r, f, numFieldsOf[which])
    ) {
      if (f === 0) readCommon(r, w);
      else if (which === 2)
        w.fields = readFields(r); // structType.Field
      else if (f === 2 && which === 0)
        w.len = r.int(); // arrayType.Len
      else if (f === 1 && which === 3)
        w.key = r.int(); // mapType.Key
      else w.elem = r.int(); // Elem
    }
  }
  if (set !== 1) throw decodeError("bad data: type definition of no single kind");
  return w;
}

/** CommonType: Name (field 0), Id (field 1; the id is the one the definition is sent under). */
function readCommon(r: ByteReader, w: WireType): void {
  for (let f = nextField(r, -1, 2); f >= 0; f = nextField(r, f, 2)) {
    if (f === 0) w.name = r.string();
    else r.int();
  }
}

/** SliceValue of fieldType: uint(n) FieldValue*n, each fieldType{Name string; Id int}. */
function readFields(r: ByteReader): WireField[] {
  const n = r.uint();
  if (n > r.left) throw decodeError(`invalid field count ${n}: exceeds input size ${r.left}`);
  const fields: WireField[] = [];
  for (let i = 0; i < n; i++) {
    if (r.left === 0) throw decodeError("decoding array or slice: length exceeds input size");
    let name = "";
    let id = 0;
    for (let f = nextField(r, -1, 2); f >= 0; f = nextField(r, f, 2)) {
      if (f === 0) name = r.string();
      else id = r.int();
    }
    fields.push({ name, id });
  }
  return fields;
}

/** CommonType: Name (omitted when empty, as zero fields are) and Id. */
function writeCommon(w: ByteWriter, name: string, id: number): void {
  if (name !== "") {
    w.uint(1);
    w.string(name);
    w.uint(1);
  } else {
    w.uint(2);
  }
  w.int(id);
  w.uint(0);
}

/** The ids of the types of a stream. */
export interface TypeIds {
  idOf(t: GoType): number;
}

/** Writes the `wireType` value defining `t` as type `id`; `ids` gives the ids of inner types. */
export function writeWireType(w: ByteWriter, t: GoType, id: number, ids: TypeIds): void {
  switch (t.kind) {
    case "array":
      w.uint(1); // ArrayT
      w.uint(1);
      writeCommon(w, t.wireName, id);
      w.uint(1);
      w.int(ids.idOf(t.elem!));
      if (t.len !== 0) {
        w.uint(1);
        w.int(t.len);
      }
      break;
    case "slice":
      w.uint(2); // SliceT
      w.uint(1);
      writeCommon(w, t.wireName, id);
      w.uint(1);
      w.int(ids.idOf(t.elem!));
      break;
    case "struct":
      w.uint(3); // StructT
      w.uint(1);
      writeCommon(w, t.wireName, id);
      if (t.fields.length > 0) {
        w.uint(1);
        w.uint(t.fields.length);
        for (const f of t.fields) {
          w.uint(1);
          w.string(f.name);
          w.uint(1);
          w.int(ids.idOf(f.type));
          w.uint(0);
        }
      }
      break;
    case "map":
      w.uint(4); // MapT
      w.uint(1);
      writeCommon(w, t.wireName, id);
      w.uint(1);
      w.int(ids.idOf(t.key!));
      w.uint(1);
      w.int(ids.idOf(t.elem!));
      break;
    case "encoder":
      w.uint(5 + marshalers.indexOf(t.marshaler)); // GobEncoderT, BinaryMarshalerT, TextMarshalerT
      w.uint(1);
      writeCommon(w, t.wireName, id);
      break;
    default:
      throw new Error(`gob: no type definition for basic type ${t.name}`);
  }
  w.uint(0); // end of the xxxType struct
  w.uint(0); // end of wireType
}
