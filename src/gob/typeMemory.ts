/**
 * Type memory: the Go types of decoded values, remembered so that a value read from Go and
 * written back unchanged goes out as exactly the Go type it came in as.
 *
 * JS has one number type, no named types, no struct types; so the decoder notes, beside the
 * values it builds, what JS cannot hold:
 * - per object (Map, array, plain object, Date, Uint8Array, Complex) its Go type and the name
 *   it arrived under in an interface value, when they differ from what a fresh value of that
 *   JS class would be encoded as (a `[]string`, a `map[string]int`, a `main.User`, ...);
 * - per container, the Go type of each interface-typed slot (map value or key, slice element,
 *   struct field) holding a primitive whose fresh encoding would differ (an `int8`, a
 *   `float64` that happens to be integral, a `uint64` ...), with the primitive itself;
 * - per `Date`, the exact `time.Time` bytes (nanoseconds, zone offset) and the instant they
 *   stood for;
 * - per interface slot holding a string that was not valid UTF-8 (a Go string may hold any
 *   bytes), those bytes.
 *
 * The encoder uses a remembered type while the value still fits it: a slot whose value is
 * still the same (`Object.is`), an object whose contents still fit its type, a `Date` whose
 * time is unchanged. Anything else is encoded by the fresh-value rules.
 * Everything lives in WeakMaps keyed by the decoded objects: nothing leaks.
 */
import type { GoType } from "./GoType.ts";

/** A remembered Go type and, when it is not the registered one, the interface name. */
export interface Recorded {
  readonly type: GoType;
  readonly name: string | undefined;
}

/** A remembered interface slot: the primitive it held and its Go type. */
export interface SlotRecord extends Recorded {
  readonly value: unknown;
  /** For a string that was not valid UTF-8: its bytes (the JS string has U+FFFD for them). */
  readonly raw?: Uint8Array;
}

/** The exact `time.Time` behind a `Date`. */
export interface TimeRecord {
  /** The `Date`'s time value when decoded (NaN outside the `Date` range). */
  readonly ms: number;
  /** `MarshalBinary` bytes. */
  readonly bytes: Uint8Array;
}

export interface ObjectMemo {
  type?: GoType;
  name?: string;
  /** Interface slots holding primitives, by map key, slice index or field name. */
  slots?: Map<unknown, SlotRecord>;
  /** Interface-typed keys of a Map that are primitives (`value` is the key itself). */
  keys?: Map<unknown, SlotRecord>;
  time?: TimeRecord;
}

const memos = new WeakMap<object, ObjectMemo>();

export function memoOf(obj: object): ObjectMemo | undefined {
  return memos.get(obj);
}

function memoFor(obj: object): ObjectMemo {
  let m = memos.get(obj);
  if (m === undefined) {
    m = {};
    memos.set(obj, m);
  }
  return m;
}

/** Remembers the Go type of an object (and the interface name it arrived under). */
export function recordObject(obj: object, type: GoType, name?: string): void {
  const m = memoFor(obj);
  m.type = type;
  m.name = name;
}

/** Remembers the Go type of the primitive `value` in interface slot `slot` of `container`. */
export function recordSlot(
  container: object,
  slot: unknown,
  value: unknown,
  type: GoType,
  name: string | undefined,
  raw?: Uint8Array,
): void {
  const m = memoFor(container);
  if (m.slots === undefined) m.slots = new Map();
  m.slots.set(slot, raw === undefined ? { value, type, name } : { value, type, name, raw });
}

/** Remembers the Go type of the primitive key `key` of an interface-keyed Map. */
export function recordKey(
  map: object,
  key: unknown,
  type: GoType,
  name: string | undefined,
  raw?: Uint8Array,
): void {
  const m = memoFor(map);
  if (m.keys === undefined) m.keys = new Map();
  m.keys.set(key, raw === undefined ? { value: key, type, name } : { value: key, type, name, raw });
}

/** Remembers the exact `time.Time` bytes behind a `Date`. */
export function recordTime(date: Date, bytes: Uint8Array): void {
  memoFor(date).time = { ms: date.getTime(), bytes };
}
