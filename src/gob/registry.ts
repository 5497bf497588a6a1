/**
 * The names of concrete types sent in interface values.
 *
 * Port of `Register`, `RegisterName` and `registerBasics` of Go 1.26 encoding/gob type.go.
 * Go needs a registration to decode an interface value; this codec does not (gob is
 * self-describing), so here a registration only chooses the name a type is sent under and,
 * when decoding, lends a registered type's exact kinds (`int8`, `uint16`, ...) to values that
 * arrive under its name. Without registration a type goes out under Go's default name
 * ({@link GoType.name}): "int", "[]interface {}", "map[string]interface {}", "time.Time",
 * "main.User".
 */
import { GobError } from "./GobError.ts";
import type { GoType } from "./GoType.ts";
import { goTypes, sliceOf } from "./GoType.ts";
import { GoValue } from "./GoValue.ts";

const nameToType = new Map<string, GoType>();
const keyToName = new Map<string, string>();
/** Bumped by every registration: names cached on types are valid for one version. */
let version = 0;

/**
 * Records `name` as the name of `type` in interface values (as Go's `gob.RegisterName`).
 * Like Go, it requires a one-to-one mapping: another type under the same name, or another
 * name for the same type, is a usage error. `RegisterName("*main.User", user)` mirrors Go's
 * `gob.Register(&User{})`.
 */
export function RegisterName(name: string, type: GoType | GoValue): void {
  const t = type instanceof GoValue ? type.type : type;
  if (name === "") throw new GobError("usage", "attempt to register empty name");
  const prev = nameToType.get(name);
  if (prev !== undefined && prev.typeKey !== t.typeKey) {
    throw new GobError("usage", `registering duplicate types for "${name}": ${prev} != ${t}`);
  }
  const prevName = keyToName.get(t.typeKey);
  if (prevName !== undefined && prevName !== name) {
    throw new GobError("usage", `registering duplicate names for ${t}: "${prevName}" != "${name}"`);
  }
  nameToType.set(name, t);
  keyToName.set(t.typeKey, name);
  version++;
}

/** Registers `type` under its Go name (as Go's `gob.Register`): "main.User", "[]string". */
export function Register(type: GoType | GoValue): void {
  const t = type instanceof GoValue ? type.type : type;
  RegisterName(t.name, t);
}

/** The name `t` is sent under in an interface value. */
export function nameOf(t: GoType): string {
  if (t.nameVersion !== version) {
    t.cachedName = keyToName.get(t.typeKey) ?? t.name;
    t.nameVersion = version;
  }
  return t.cachedName;
}

/** The type registered under `name`, if any. */
export function registeredType(name: string): GoType | undefined {
  return nameToType.get(name);
}

/** Go's registerBasics: the basic types and slices of them. */
function registerBasics(): void {
  const b = goTypes;
  const basics = [
    b.int,
    b.int8,
    b.int16,
    b.int32,
    b.int64,
    b.uint,
    b.uint8,
    b.uint16,
    b.uint32,
    b.uint64,
    b.float32,
    b.float64,
    b.complex64,
    b.complex128,
    b.uintptr,
    b.bool,
    b.string,
  ];
  for (const t of basics) Register(t);
  Register(b.bytes);
  for (const t of basics) if (t.kind !== "uint8") Register(sliceOf(t));
}

registerBasics();
