/**
 * The type memory rule, without Go: Go's session bytes decoded and re-encoded come out
 * byte for byte the same (where the stream's type ids coincide), unchanged slots keep
 * their types, changed ones are sent fresh. (test/interop/gob.test.ts proves the same against Go.)
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  decode,
  encode,
  goTime,
  goTypes,
  int8,
  mapOf,
  sliceOf,
  typed,
} from "../../src/gob/index.ts";
import { nameOf } from "../../src/gob/registry.ts";
import { memoOf } from "../../src/gob/typeMemory.ts";
import { bytesOf, vectors } from "../support/gobVectors.ts";

/**
 * Vectors whose types are only map[interface {}]interface {} and []interface {}: Go's
 * vector generator encodes "typical session" first, so these two have ids 64 and 65 in
 * every such vector, as in any fresh stream of ours; the bytes must then be Go's exactly.
 */
const sameIds = [
  "typical session",
  "empty session",
  "signed ints",
  "unsigned ints",
  "ints beyond 2^53",
  "floats",
  "complex",
  "strings",
  "bools",
  "invalid UTF-8",
  "bytes",
  "flashes",
  "flashes under custom key",
  "non-string keys",
  "nil values",
];

for (const name of sameIds) {
  test(`Go's ${name}, decoded and re-encoded, is Go's bytes exactly`, () => {
    const c = vectors.cases.find((x) => x.name === name)!;
    const go = bytesOf(c.gob);
    assert.is(Buffer.from(encode(decode(go))).toString("hex"), Buffer.from(go).toString("hex"));
  });
}

function session(name: string): Map<unknown, unknown> {
  return decode(bytesOf(vectors.cases.find((x) => x.name === name)!.gob)) as Map<unknown, unknown>;
}

/** The interface name a re-encoded value arrives with (decoded again here). */
function goTypeOf(container: Map<unknown, unknown>, key: unknown): string {
  const again = decode(encode(new Map([["probe", container]]))) as Map<
    string,
    Map<unknown, unknown>
  >;
  const inner = again.get("probe")!;
  const slot = memoOf(inner)?.slots?.get(key);
  if (slot !== undefined) return slot.name ?? nameOf(slot.type);
  const v = inner.get(key);
  const m = typeof v === "object" && v !== null ? memoOf(v) : undefined;
  if (m?.type !== undefined) return m.name ?? nameOf(m.type);
  return "fresh";
}

test("unchanged primitive slots keep their Go types; new values are fresh", () => {
  const s = session("signed ints");
  assert.is(goTypeOf(s, "int8 min"), "int8");
  assert.is(goTypeOf(s, "int64 0"), "int64");
  assert.is(goTypeOf(s, "int"), "fresh"); // an int is what a fresh number is anyway
  s.set("int8 min", -127);
  assert.is(goTypeOf(s, "int8 min"), "fresh");
  s.set("int8 min", -128); // the same value again: the slot's type applies again
  assert.is(goTypeOf(s, "int8 min"), "int8");
  const f = session("floats");
  assert.is(goTypeOf(f, "float64 1"), "float64");
  assert.is(goTypeOf(f, "float32 1.5"), "float32");
  f.set("float64 1", 2);
  assert.is(goTypeOf(f, "float64 1"), "fresh");
});

test("objects keep their types while their contents fit", () => {
  const s = session("typed slices");
  assert.is(goTypeOf(s, "[]string"), "[]string");
  (s.get("[]string") as unknown[]).push("more");
  assert.is(goTypeOf(s, "[]string"), "[]string");
  (s.get("[]string") as unknown[]).push(1);
  assert.is(goTypeOf(s, "[]string"), "fresh");
  (s.get("[]int8") as number[])[0] = 128; // out of int8's range
  assert.is(goTypeOf(s, "[]int8"), "fresh");
  const m = session("string maps");
  assert.is(goTypeOf(m, "map[string]int"), "map[string]int");
  (m.get("map[string]int") as Record<string, unknown>).x = "no longer an int";
  assert.is(goTypeOf(m, "map[string]int"), "fresh");
});

test("structs keep their name and fields; an unknown key makes them fresh maps", () => {
  const s = session("structs");
  assert.is(goTypeOf(s, "user"), "main.User");
  assert.is(goTypeOf(s, "ptr"), "*main.Ptr");
  const user = s.get("user") as Record<string, unknown>;
  user.Name = "renamed";
  assert.is(goTypeOf(s, "user"), "main.User");
  user.Unknown = 1;
  assert.is(goTypeOf(s, "user"), "fresh");
});

test("a Date keeps its exact time.Time until its time changes", () => {
  const s = session("times");
  const d = s.get("+05:30") as Date;
  const bytesBefore = memoOf(d)?.time?.bytes;
  assert.ok(bytesBefore !== undefined);
  const again = decode(encode(new Map([["d", d]]))) as Map<string, Date>;
  assert.equal(memoOf(again.get("d")!)?.time?.bytes, bytesBefore);
  d.setTime(d.getTime() + 1000);
  const fresh = decode(encode(new Map([["d", d]]))) as Map<string, Date>;
  assert.is(memoOf(fresh.get("d")!)?.time, undefined); // a fresh UTC time in whole ms
  assert.is(fresh.get("d")!.getTime(), d.getTime());
});

test("wrapped values in a map and a list keep their types through a round trip", () => {
  const v = new Map<unknown, unknown>([
    ["i8", int8(3)],
    ["list", [int8(1), typed(goTypes.float64, 1)]],
    ["strs", typed(sliceOf(goTypes.string), ["a"])],
    ["counts", typed(mapOf(goTypes.string, goTypes.int), { a: 1 })],
    ["t", goTime(0, { nanoseconds: 1, offsetSeconds: 3600 })],
  ]);
  const once = encode(v);
  const back = decode(once) as Map<string, unknown>;
  assert.is(back.get("i8"), 3);
  assert.equal(back.get("list"), [1, 1]);
  assert.equal(back.get("strs"), ["a"]);
  assert.equal(back.get("counts"), { a: 1 });
  assert.is((back.get("t") as Date).getTime(), 0);
  assert.is(Buffer.from(encode(back)).toString("hex"), Buffer.from(once).toString("hex"));
});

test.run();
