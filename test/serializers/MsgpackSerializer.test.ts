/**
 * MsgpackSerializer: round trips, the JavaScript values @msgpack/msgpack alone would get
 * wrong (Map, bigint), and Go's errors. The bytes and types Go reads and writes are checked
 * live against the Go peer in test/interop/serializers.test.ts.
 */
import { decode } from "@msgpack/msgpack";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { MsgpackSerializer } from "../../src/serializers/MsgpackSerializer.ts";
import { GorillaSession } from "../../src/sessions/GorillaSession.ts";
import { MemoryStore } from "../support/memoryStore.ts";

const ser = new MsgpackSerializer();

function session(entries: [unknown, unknown][] = []): GorillaSession {
  const s = GorillaSession.New(new MemoryStore(), "s");
  s.Values = new Map(entries);
  return s;
}

function roundTrip(entries: [unknown, unknown][]): Map<unknown, unknown> {
  const back = session();
  ser.Deserialize(ser.Serialize(session(entries)), back);
  return back.Values;
}

test("round trip of the JavaScript forms of Go values", () => {
  const when = new Date(Date.UTC(2024, 1, 29, 12, 30, 45, 123));
  const values: [unknown, unknown][] = [
    ["int", 42],
    ["neg", -200],
    ["wide", 2 ** 40],
    ["float", 0.5],
    ["str", "ü ✓"],
    ["bytes", new Uint8Array([0, 255])],
    ["bool", false],
    ["nil", null],
    ["time", when],
    ["list", [1, "a", [true]]],
    ["obj", { a: 1, b: { c: "d" } }],
  ];
  const back = roundTrip(values);
  assert.equal(
    [...back.keys()],
    values.map(([k]) => k),
  );
  for (const [k, v] of values) {
    const got = back.get(k);
    if (v instanceof Uint8Array)
      assert.equal(Array.from(got as Uint8Array), Array.from(v), String(k));
    else assert.equal(got, v, String(k));
  }
});

test("bytes read from a Buffer (as ioredis gives it) are Uint8Arrays, not Buffers", () => {
  const bytes = Buffer.from(ser.Serialize(session([["b", Uint8Array.of(1, 2)]])));
  const back = session();
  ser.Deserialize(bytes, back);
  const got = back.Values.get("b") as Uint8Array;
  assert.is(Object.getPrototypeOf(got), Uint8Array.prototype);
  assert.equal(Array.from(got), [1, 2]);
});

test("a nested Map becomes a map (not the empty map @msgpack/msgpack writes for it)", () => {
  const back = roundTrip([
    [
      "m",
      new Map<unknown, unknown>([
        ["x", 1],
        ["y", new Map([["z", 2]])],
      ]),
    ],
  ]);
  assert.equal(back.get("m"), { x: 1, y: { z: 2 } });
});

test("bigints: int64 beyond the safe range survives, small ones come back as numbers", () => {
  const big = 2n ** 62n + 1n;
  const back = roundTrip([
    ["big", big],
    ["negbig", -big],
    ["small", 5n],
    ["wide", 2 ** 40],
  ]);
  assert.is(back.get("big"), big);
  assert.is(back.get("negbig"), -big);
  assert.is(back.get("small"), 5);
  assert.is(back.get("wide"), 2 ** 40);
  const raw = decode(
    ser.Serialize(
      session([
        ["w", 2 ** 40],
        ["b", big],
      ]),
    ),
    { useBigInt64: true },
  );
  assert.equal(
    raw,
    { w: BigInt(2 ** 40), b: big },
    "the wide number stays an integer, not a float",
  );
});

test("a non-string key is an error, also inside a nested Map", () => {
  assert.throws(
    () => ser.Serialize(session([[1, "x"]])),
    (e: Error) => e.message === "non-string key value, cannot serialize session to msgpack: 1",
  );
  assert.throws(() => ser.Serialize(session([["m", new Map([[true, 1]])]])), /: true$/);
});

test("Deserialize adds to the existing values; nil changes nothing; other tops are Go's error", () => {
  const s = session([["keep", 1]]);
  ser.Deserialize(ser.Serialize(session([["n", 2]])), s);
  assert.equal(
    [...s.Values],
    [
      ["keep", 1],
      ["n", 2],
    ],
  );
  ser.Deserialize(new Uint8Array([0xc0]), s);
  assert.is(s.Values.size, 2);
  assert.throws(
    () => ser.Deserialize(new Uint8Array([0x01]), s),
    /^msgpack: unexpected code=1 decoding map length$/,
  );
  assert.throws(() => ser.Deserialize(new Uint8Array([0x91, 0x01]), s), /code=91/);
  assert.throws(() => ser.Deserialize(new Uint8Array([]), s), /EOF/);
});

test("a __proto__ key is refused when reading (prototype pollution)", () => {
  // fixmap(1) fixstr "__proto__" {} (a map)
  const data = Buffer.concat([
    Buffer.from([0x81, 0xa9]),
    Buffer.from("__proto__"),
    Buffer.from([0x80]),
  ]);
  assert.throws(() => ser.Deserialize(data, session()), /__proto__/);
  assert.is(({} as Record<string, unknown>).polluted, undefined);
});

test("reading refuses declared lengths beyond the value, and values too long or too deep", () => {
  const s = session();
  // {"k": array32 of 16 Mi elements} in 9 bytes: refused before any array is made.
  const hostile = Buffer.from([0x81, 0xa1, 0x6b, 0xdd, 0x01, 0x00, 0x00, 0x00]);
  assert.throws(
    () => ser.Deserialize(hostile, s),
    (e: Error) => /array length \(16777216\)/.test(e.message),
  );
  // A map's declared entries are bounded the same way (each takes two bytes at least).
  const map32 = Buffer.from([0x81, 0xa1, 0x6b, 0xdf, 0x00, 0x10, 0x00, 0x00]);
  assert.throws(
    () => ser.Deserialize(map32, s),
    (e: Error) => /map length/.test(e.message),
  );
  // Depth 64 (the map and 63 arrays) is read; 65 is refused.
  const nested = (arrays: number) =>
    Buffer.from([0x81, 0xa1, 0x6b, ...new Array(arrays).fill(0x91), 0xc0]);
  ser.Deserialize(nested(63), s);
  assert.throws(
    () => ser.Deserialize(nested(64), s),
    (e: Error) => e instanceof RangeError && /maxDepth 64/.test(e.message),
  );
  new MsgpackSerializer({ maxDepth: 100 }).Deserialize(nested(64), s);
  // Longer than maxLength: refused before decoding.
  assert.throws(
    () => new MsgpackSerializer({ maxLength: 4 }).Deserialize(nested(3), s),
    (e: Error) => e instanceof RangeError && /maxLength 4/.test(e.message),
  );
  assert.throws(() => new MsgpackSerializer({ maxLength: -1 }), TypeError);
});

test.run();
