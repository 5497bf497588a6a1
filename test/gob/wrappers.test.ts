/** Explicit Go types: range-checked when made, registered names used in interface values. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  arrayOf,
  complex64,
  decode,
  encode,
  float32,
  GobError,
  goTime,
  goTypes,
  int,
  int8,
  int16,
  int32,
  int64,
  mapOf,
  named,
  Register,
  RegisterName,
  sliceOf,
  structOf,
  typed,
  uint,
  uint8,
  uint16,
  uint32,
  uint64,
  uintptr,
} from "../../src/gob/index.ts";
import { memoOf } from "../../src/gob/typeMemory.ts";

const usage = (e: unknown) => e instanceof GobError && e.code === "usage";

test("integer wrappers accept their range and refuse beyond it", () => {
  const cases: [(v: number | bigint) => unknown, bigint, bigint][] = [
    [int8, -128n, 127n],
    [int16, -32768n, 32767n],
    [int32, -(2n ** 31n), 2n ** 31n - 1n],
    [int64, -(2n ** 63n), 2n ** 63n - 1n],
    [int, -(2n ** 63n), 2n ** 63n - 1n],
    [uint8, 0n, 255n],
    [uint16, 0n, 65535n],
    [uint32, 0n, 2n ** 32n - 1n],
    [uint64, 0n, 2n ** 64n - 1n],
    [uint, 0n, 2n ** 64n - 1n],
    [uintptr, 0n, 2n ** 64n - 1n],
  ];
  for (const [wrap, lo, hi] of cases) {
    wrap(lo);
    wrap(hi);
    if (lo >= -(2n ** 53n)) wrap(Number(lo));
    assert.throws(() => wrap(lo - 1n), usage);
    assert.throws(() => wrap(hi + 1n), usage);
    assert.throws(() => wrap(0.5), usage);
  }
});

test("float32 refuses what overflows it; complex64 likewise", () => {
  float32(3.4e38);
  float32(Number.POSITIVE_INFINITY);
  assert.throws(() => float32(1e39), usage);
  assert.throws(() => complex64(1e39, 0), usage);
});

test("typed composite values are checked against their type", () => {
  typed(sliceOf(goTypes.string), ["a"]);
  assert.throws(() => typed(sliceOf(goTypes.string), [1]), usage);
  assert.throws(() => typed(arrayOf(2, goTypes.int), [1]), usage);
  assert.throws(() => typed(mapOf(goTypes.int, goTypes.string), { a: "x" }), usage);
  const user = structOf("main.WrapUser", { Name: goTypes.string, Age: goTypes.int8 });
  typed(user, { Name: "a" });
  assert.throws(() => typed(user, { Name: "a", Other: 1 }), usage);
  assert.throws(() => typed(user, { Age: 300 }), usage);
  assert.throws(() => structOf("main.Bad", { lower: goTypes.int }), usage);
  assert.throws(() => mapOf(sliceOf(goTypes.int), goTypes.int), usage);
});

test("goTime keeps nanoseconds and offset; refuses an offset Go cannot marshal", () => {
  const d = goTime(Date.UTC(2020, 0, 1), { nanoseconds: 123456789, offsetSeconds: 3600 });
  assert.is(d.getTime(), Date.UTC(2020, 0, 1) + 123);
  const back = (decode(encode(new Map([["t", d]]))) as Map<string, Date>).get("t")!;
  assert.equal(memoOf(back)!.time!.bytes, memoOf(d)!.time!.bytes);
  assert.throws(() => goTime(0, { offsetSeconds: -60 }), usage); // -1 minute means UTC in the format
});

test("registration: names are one-to-one, as Go's gob.Register requires", () => {
  const a = structOf("main.RegA", { X: goTypes.int });
  const b = structOf("main.RegB", { X: goTypes.int });
  Register(a);
  Register(a); // the same again is fine
  assert.throws(() => RegisterName("main.RegA", b), usage);
  assert.throws(() => RegisterName("other name", a), usage);
  assert.throws(() => RegisterName("", b), usage);
  assert.throws(() => RegisterName("int", named("main.MyInt", goTypes.int)), usage);
});

test("a registered name is what the value is sent under, and kept on decoding", () => {
  const c = structOf("main.RegC", { Y: goTypes.string });
  RegisterName("*main.RegC", c);
  const once = encode(new Map([["c", typed(c, { Y: "y" })]]));
  assert.ok(Buffer.from(once).includes(Buffer.from("*main.RegC")));
  const back = (decode(once) as Map<string, unknown>).get("c") as object;
  assert.is(memoOf(back)?.type, c); // the registered type, whose name is "*main.RegC"
  assert.equal(Buffer.from(encode(decode(once))), Buffer.from(once));
});

test("decoding lends a registered type's exact kinds to values under its name", () => {
  const levels = structOf("main.Levels", { Small: goTypes.int8 });
  Register(levels);
  const wire = structOf("main.Levels", { Small: goTypes.int }); // what arrives: just "int"
  const data = encode(new Map([["l", typed(wire, { Small: 5 })]]));
  const back = (decode(data) as Map<string, Record<string, unknown>>).get("l")!;
  assert.is(memoOf(back)?.type, levels);
  back.Small = 300; // does not fit int8: the value is no longer a main.Levels
  const again = decode(encode(new Map([["l", back]]))) as Map<string, object>;
  assert.is(memoOf(again.get("l")!)?.type, undefined);
});

test.run();
