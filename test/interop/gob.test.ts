/**
 * Live round trips with Go's encoding/gob (compat/cmd/gocodec, ops in gob.go):
 * (a) fresh JS values → Go sees the types of the fresh-value rules (DESIGN.md §2);
 * (b) every golden vector decoded here and re-encoded unchanged → Go decodes exactly the
 *     typed value it encoded (types, nanoseconds, zone offsets, struct names included);
 * (c) explicit wrappers → Go sees the chosen types;
 * (d) changed values are sent by the fresh-value rules;
 * (e) mutated vectors: Go and this decoder differ only as src/gob/README.md says, and what
 *     both read is written back here as Go read it, or as Go writes it back.
 */

import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  arrayOf,
  Complex,
  complex64,
  complex128,
  Decoder,
  decode,
  Encoder,
  encode,
  float32,
  float64,
  GobError,
  goTime,
  goTypes,
  int8,
  int16,
  mapOf,
  named,
  RegisterName,
  sliceOf,
  structOf,
  typed,
  uint,
  uint8,
  uint64,
  uintptr,
} from "../../src/gob/index.ts";
import { base64, bytesOf, typedOptions, vectors } from "../support/gobVectors.ts";
import { GoCodec } from "../support/gocodec.ts";
import type { Typed } from "../support/tjson.ts";
import { assertFreshTyped, fromTyped } from "../support/tjson.ts";

let go: GoCodec | null = null;

test.before(() => {
  go = GoCodec.start();
});

test.after(() => {
  go?.close();
});

function goDecode(data: Uint8Array, into = ""): Promise<Typed> {
  return go!.call<Typed>("gobDecode", { gob: base64(data), into });
}

/** The typed value under a string key of a session Go reported. */
function entry(session: Typed, key: string): Typed {
  const pair = (session.v as [Typed, Typed][]).find(([k]) => k.t === "string" && k.v === key);
  if (pair === undefined) throw new Error(`no key ${key}`);
  return pair[1];
}

test("(a) a fresh session goes out with the §2 default types", async () => {
  if (!go) return;
  const session = new Map<unknown, unknown>([
    ["user_id", 42],
    ["name", "alice"],
    ["_flash", ["welcome", 2, null]],
    ["ratio", 0.5],
    ["one", 1],
    ["nan", Number.NaN],
    ["minus zero", -0],
    ["inf", Number.NEGATIVE_INFINITY],
    ["big", 2n ** 60n],
    ["bigger", 2n ** 64n - 1n],
    ["unsafe integer", 2 ** 60],
    ["unicode", "héllo ✓ 😀"],
    ["empty", ""],
    ["yes", true],
    ["bytes", Uint8Array.of(0, 1, 255)],
    ["buffer", Buffer.from("buf")],
    ["object", { a: 1, nested: { b: [true] }, __proto__x: "p" }],
    [
      "map",
      new Map<unknown, unknown>([
        [1, "int key"],
        [true, "bool key"],
        ["s", new Map()],
      ]),
    ],
    ["when", new Date(Date.UTC(2024, 4, 6, 7, 8, 9, 123))],
    ["nil", null],
    ["undefined", undefined],
    ["complex", new Complex(1, -2)],
    [7, "int key at top"],
  ]);
  const got = await goDecode(encode(session));
  const expected = new Map(session);
  expected.set("undefined", null); // undefined goes out as nil
  assertFreshTyped(expected, got);
});

test("(a) fresh top-level values", async () => {
  if (!go) return;
  assertFreshTyped("just a string", await goDecode(encode("just a string"), "string"));
  assertFreshTyped(["x", 1], await goDecode(encode(["x", 1]), "[]interface {}"));
  assertFreshTyped({ k: 2.5 }, await goDecode(encode({ k: 2.5 }), "map[string]interface {}"));
  assertFreshTyped(-(2n ** 63n), await goDecode(encode(-(2n ** 63n)), "int64"));
});

/**
 * A top-level primitive has no container to remember its Go type in (a session never is
 * one): it is re-encoded with its Go type given explicitly.
 */
function reencode(c: (typeof vectors.cases)[number]): Uint8Array {
  const v = decode(bytesOf(c.gob));
  const basic = goTypes[c.into as keyof typeof goTypes];
  return encode(typeof v !== "object" && basic !== undefined ? typed(basic, v) : v);
}

for (const c of vectors.cases) {
  test(`(b) Go's ${c.name}, decoded and re-encoded unchanged, is what Go encoded`, async () => {
    if (!go) return;
    const again = reencode(c);
    assert.equal(await goDecode(again, c.into), c.typed);
  });
}

for (const s of vectors.streams) {
  test(`(b) Go's stream ${s.name}, re-encoded on one Encoder, is what Go encoded`, async () => {
    if (!go) return;
    const values = new Decoder().write(bytesOf(s.gob));
    const enc = new Encoder();
    const chunks = values.map((v) => enc.encode(v));
    const stream = Buffer.concat(chunks);
    const got = await go.call<Typed[]>("gobDecodeStream", { gob: base64(stream), into: s.into });
    assert.equal(got, s.typed);
  });
}

const address = structOf("main.Address", {
  Street: goTypes.string,
  City: goTypes.string,
  Zip: goTypes.int,
});
const ptr = structOf("main.Ptr", { ID: goTypes.int, Label: goTypes.string });
RegisterName("*main.Ptr", ptr);
const user = structOf("main.User", {
  Name: goTypes.string,
  Age: goTypes.int,
  Email: goTypes.string,
  Tags: sliceOf(goTypes.string),
  Created: goTypes.time,
  Address: address,
  Meta: mapOf(goTypes.string, goTypes.interface),
  Extra: goTypes.interface,
  Small: goTypes.int8,
  Big: goTypes.uint64,
  Ratio: goTypes.float32,
  Raw: goTypes.bytes,
  Grid: arrayOf(2, arrayOf(2, goTypes.int)),
  Next: address,
});

test("(c) explicit wrappers send the chosen Go types", async () => {
  if (!go) return;
  const session = new Map<unknown, unknown>([
    ["int8", int8(-128)],
    ["int16", int16(300)],
    ["uint", uint(7)],
    ["uint8", uint8(255)],
    ["uint64 max", uint64(2n ** 64n - 1n)],
    ["uintptr", uintptr(4096)],
    ["float32", float32(1.5)],
    ["float64 1", float64(1)],
    ["complex64", complex64(1, 2)],
    ["complex128", complex128(-0.5, 1e300)],
    ["[]string", typed(sliceOf(goTypes.string), ["a", "b"])],
    ["map[int]string", typed(mapOf(goTypes.int, goTypes.string), new Map([[1, "one"]]))],
    ["map[string]int", typed(mapOf(goTypes.string, goTypes.int), { a: 1 })],
    ["[3]int", typed(arrayOf(3, goTypes.int), [1, 2, 3])],
    ["celsius", typed(named("main.Celsius", goTypes.float64), 20)],
    ["level", typed(named("main.Level", goTypes.int8), -3)],
    ["tags", typed(named("main.Tags", sliceOf(goTypes.string)), ["x"])],
    ["ptr", typed(ptr, { ID: 7, Label: "by pointer" })],
    [
      "user",
      typed(user, {
        Name: "Zoë",
        Age: 37,
        Tags: ["admin"],
        Created: goTime(Date.UTC(2021, 2, 4), { nanoseconds: 890123456, offsetSeconds: 19800 }),
        Address: { City: "Springfield", Zip: 12345 },
        Meta: { level: int8(3) },
        Extra: uint8(9),
        Small: -5,
        Big: 2n ** 64n - 1n,
        Ratio: 0.25,
        Raw: Uint8Array.of(1, 2),
        Grid: [
          [1, 2],
          [3, 4],
        ],
        Next: null,
      }),
    ],
    [
      "time",
      goTime(Date.UTC(1900, 0, 1), { nanoseconds: 5, offsetSeconds: 5 * 3600 + 53 * 60 + 28 }),
    ],
  ]);
  const got = await goDecode(encode(session));
  const t = (key: string) => entry(got, key);
  assert.equal(t("int8"), { t: "int8", v: "-128" });
  assert.equal(t("int16"), { t: "int16", v: "300" });
  assert.equal(t("uint"), { t: "uint", v: "7" });
  assert.equal(t("uint8"), { t: "uint8", v: "255" });
  assert.equal(t("uint64 max"), { t: "uint64", v: "18446744073709551615" });
  assert.equal(t("uintptr"), { t: "uintptr", v: "4096" });
  assert.equal(t("float32"), { t: "float32", v: "1.5" });
  assert.equal(t("float64 1"), { t: "float64", v: "1" });
  assert.equal(t("complex64"), { t: "complex64", v: ["1", "2"] });
  assert.equal(t("complex128"), { t: "complex128", v: ["-0.5", "1e+300"] });
  assert.equal(t("[]string"), {
    t: "[]string",
    v: [
      { t: "string", v: "a" },
      { t: "string", v: "b" },
    ],
  });
  assert.equal(t("map[int]string"), {
    t: "map[int]string",
    v: [
      [
        { t: "int", v: "1" },
        { t: "string", v: "one" },
      ],
    ],
  });
  assert.equal(t("map[string]int"), {
    t: "map[string]int",
    v: [
      [
        { t: "string", v: "a" },
        { t: "int", v: "1" },
      ],
    ],
  });
  assert.is(t("[3]int").t, "[3]int");
  assert.equal(t("celsius"), { t: "gobtypes.Celsius", v: "20" });
  assert.equal(t("level"), { t: "gobtypes.Level", v: "-3" });
  assert.is(t("tags").t, "gobtypes.Tags");
  assert.equal(t("ptr"), {
    t: "*gobtypes.Ptr",
    v: {
      t: "gobtypes.Ptr",
      v: { ID: { t: "int", v: "7" }, Label: { t: "string", v: "by pointer" } },
    },
  });
  const u = t("user");
  assert.is(u.t, "gobtypes.User");
  const f = u.v as Record<string, Typed>;
  assert.equal(f.Name, { t: "string", v: "Zoë" });
  assert.equal(f.Small, { t: "int8", v: "-5" });
  assert.equal(f.Big, { t: "uint64", v: "18446744073709551615" });
  assert.equal(f.Ratio, { t: "float32", v: "0.25" });
  assert.equal(f.Created, { t: "time.Time", v: "2021-03-04T05:30:00.890123456+05:30 " });
  assert.equal(f.Address.v, {
    City: { t: "string", v: "Springfield" },
    Street: { t: "string", v: "" },
    Zip: { t: "int", v: "12345" },
  });
  assert.equal(f.Meta, {
    t: "map[string]interface {}",
    v: [
      [
        { t: "string", v: "level" },
        { t: "int8", v: "3" },
      ],
    ],
  });
  assert.equal(f.Extra, { t: "uint8", v: "9" });
  assert.equal(f.Email, { t: "*string" }); // "" is a zero value: not sent, so a nil pointer
  assert.equal(f.Next, { t: "*gobtypes.Address" });
  assert.equal(f.Raw, { t: "[]uint8", v: "AQI=" });
  assert.is(f.Grid.t, "[2][2]int");
  assert.equal(t("time"), { t: "time.Time", v: "1900-01-01T05:53:28.000000005+05:53 " });
});

test("(d) changed values go out by the fresh-value rules", async () => {
  if (!go) return;
  const c = vectors.cases.find((x) => x.name === "signed ints")!;
  const session = decode(bytesOf(c.gob)) as Map<string, unknown>;
  session.set("int8 max", 100); // a new value in an int8 slot: a fresh int
  const typedSlices = decode(
    bytesOf(vectors.cases.find((x) => x.name === "typed slices")!.gob),
  ) as Map<string, unknown>;
  (typedSlices.get("[]string") as unknown[]).push(3); // no longer a []string
  (typedSlices.get("[]int8") as unknown[])[0] = -1; // still an []int8
  const times = decode(bytesOf(vectors.cases.find((x) => x.name === "times")!.gob)) as Map<
    string,
    unknown
  >;
  const when = times.get("+05:30") as Date;
  when.setTime(when.getTime() + 1); // a changed time: sent fresh, in UTC
  const merged = new Map<unknown, unknown>([
    ["int8 max", session.get("int8 max")],
    ["int8 min", session.get("int8 min")],
    ["[]string", typedSlices.get("[]string")],
    ["[]int8", typedSlices.get("[]int8")],
    ["changed time", when],
    ["same time", times.get("-08:00")],
  ]);
  // The values moved into a new Map lose their slot types (the slot is new): int8 min too.
  const got = await goDecode(encode(merged));
  assert.equal(entry(got, "int8 max"), { t: "int", v: "100" });
  assert.equal(entry(got, "int8 min"), { t: "int", v: "-128" });
  assert.is(entry(got, "[]string").t, "[]interface {}");
  assert.is(entry(got, "[]int8").t, "[]int8");
  assert.equal(entry(got, "changed time"), { t: "time.Time", v: "2024-05-06T01:38:09.501Z UTC" });
  assert.equal(entry(got, "same time"), {
    t: "time.Time",
    v: "1999-12-31T23:59:59.999999999-08:00 ",
  });
  // In place, an unchanged slot keeps its type and a changed one does not.
  const again = await goDecode(encode(session));
  assert.equal(entry(again, "int8 min"), { t: "int8", v: "-128" });
  assert.equal(entry(again, "int8 max"), { t: "int", v: "100" });
});

/**
 * Where Go and this decoder may part on bytes no Go program writes (a mutated vector). Go
 * decodes into its local types, found by registered names (a `time.Time` by the interface's
 * name, whatever its wire type is called), and those check more: a name not registered, a
 * wire type that does not match, a value out of a field's range, `time.Time`'s bytes. This
 * decoder has no registry and builds every value from the wire. It refuses what
 * src/gob/README.md "Stricter than Go" lists.
 */
const refusedByGoOnly = [
  "name not registered for interface",
  "decoding into local type",
  "wrong type (",
  "type mismatch",
  "out of range",
  "Time.UnmarshalBinary",
];
/**
 * Whether a map in Go's value has keys one JS `Map` key stands for (`float32(1)` and
 * `float64(1)`, two NaNs): they collapse into one entry here (README), so the value differs.
 */
function keysCollapse(x: unknown): boolean {
  if (typeof x !== "object" || x === null) return false;
  const v = (x as Typed).v;
  if (!Array.isArray(v)) return false;
  const pairs = v.every((e) => Array.isArray(e) && e.length === 2) ? (v as [Typed, Typed][]) : [];
  if (pairs.length > 0) {
    const keys = new Set(pairs.map(([k]) => fromTyped(k, typedOptions)));
    if (keys.size < pairs.length) return true;
  }
  return v.flat().some(keysCollapse);
}

const refusedHereOnly = [
  /Time\.UnmarshalBinary: invalid nanoseconds/,
  /of no single kind/,
  /duplicate field/,
  /unknown type id (1[6-9]|2[0-3]) or corrupted data/,
];

/**
 * The mutations are drawn from a fixed seed: some mutated vectors make Go's own gob decoder
 * allocate without bound (with seed 20261205 a gocodec grew past 24 GB and was killed by the
 * kernel), so an unseeded run could fail for Go's sake. Explore other seeds with
 * GOB_MUTATION_SEED=<n>.
 */
const mutationSeed = Number(process.env.GOB_MUTATION_SEED ?? 42);

test("(e) mutated vectors: where both accept, the value re-encoded here is what Go read or writes back", async () => {
  if (!go) return;
  const sources = vectors.cases.filter((c) => c.gob.length > 0);
  const outcomes = { both: 0, neither: 0, acceptedByGoOnly: 0, acceptedHereOnly: 0 };
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 0, max: sources.length - 1 }),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
        minLength: 1,
        maxLength: 3,
      }),
      async (which, flips) => {
        const c = sources[which];
        const data = bytesOf(c.gob);
        for (const [at, b] of flips) data[at % data.length] = b;
        const label = `${c.name}: ${base64(data)}`;
        let theirs: Typed | undefined;
        let goError = "";
        try {
          theirs = await goDecode(data, c.into);
        } catch (e) {
          goError = (e as Error).message;
        }
        let ours: unknown;
        let ourError = "";
        try {
          ours = decode(data);
        } catch (e) {
          if (!(e instanceof GobError)) throw e;
          ourError = e.message;
        }
        if (goError !== "" && ourError !== "") {
          outcomes.neither++;
        } else if (goError !== "") {
          outcomes.acceptedHereOnly++;
          assert.ok(
            refusedByGoOnly.some((m) => goError.includes(m)),
            `${label}: Go: ${goError}`,
          );
        } else if (ourError !== "") {
          outcomes.acceptedByGoOnly++;
          assert.ok(
            refusedHereOnly.some((m) => m.test(ourError)),
            `${label}: ${ourError}`,
          );
        } else {
          outcomes.both++;
          // Invalid UTF-8 outside interface slots comes back as U+FFFD, and keys JS cannot
          // tell apart collapse (src/gob/README.md, "Go's own behaviour, kept").
          if (JSON.stringify(theirs).includes("\ufffd") || keysCollapse(theirs)) return;
          const basic = goTypes[c.into as keyof typeof goTypes];
          const again = encode(
            typeof ours !== "object" && basic !== undefined ? typed(basic, ours) : ours,
          );
          // What Go read, or else what Go writes back of it: Go's encoder drops zero values
          // the bytes spelled out, and it cannot write back a negative version-2 zone offset
          // (README), which this one keeps.
          const back = await goDecode(again, c.into);
          if (JSON.stringify(back) !== JSON.stringify(theirs)) {
            const goAgain = await go!.call<Typed>("gobRoundTrip", {
              gob: base64(data),
              into: c.into,
            });
            assert.equal(back, goAgain, label);
          }
        }
      },
    ),
    { numRuns: 1500, seed: mutationSeed },
  );
  // Mutations that both accept, both refuse and only this decoder accepts are common; the
  // property proved little without each of them.
  assert.ok(
    outcomes.both > 0 && outcomes.neither > 0 && outcomes.acceptedHereOnly > 0,
    JSON.stringify(outcomes),
  );
});

test.run();
