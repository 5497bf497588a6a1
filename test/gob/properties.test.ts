/**
 * Properties over random values of the §2 table (fast-check):
 * - decode(encode(v)) equals v (fresh-value rules: what goes in comes back);
 * - encode(decode(encode(v))) is encode(v), byte for byte (decoding adds nothing);
 * - explicit Go types survive decode → encode, byte for byte (type memory);
 * - a stream of values through one Encoder and one Decoder, fed in random chunks.
 */
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  Complex,
  Decoder,
  decode,
  Encoder,
  encode,
  float32,
  goTime,
  int8,
  int16,
  int32,
  int64,
  uint,
  uint8,
  uint16,
  uint32,
  uint64,
} from "../../src/gob/index.ts";
import { sameValue, show } from "../support/tjson.ts";

const runs = { numRuns: 400 };

/** Integers a JS number holds exactly, and some beyond (sent as float64). */
const number = fc.oneof(
  fc.integer(),
  fc.maxSafeInteger(),
  fc.double(),
  fc.constantFrom(
    0,
    -0,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    2 ** 53,
    -(2 ** 60),
  ),
);
const bigint = fc.oneof(
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
);
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary" }),
);
const date = fc.date({ noInvalidDate: true });
const primitive = fc.oneof(number, bigint, text, fc.boolean(), fc.constant(null));
/**
 * Keys Go can hash (no slices or maps). A bigint key within the safe range would decode to a
 * number (§2), possibly the same JS key as another: those stay out of the keys.
 */
const unsafeBigint = fc.oneof(
  fc.bigInt({ min: -(2n ** 63n), max: -(2n ** 53n) }),
  fc.bigInt({ min: 2n ** 53n, max: 2n ** 64n - 1n }),
);
const key = fc.oneof(fc.integer(), text, fc.boolean(), unsafeBigint, fc.double({ noNaN: true }));

/** What the decoder gives back for a fresh value: safe bigints come back as numbers (§2). */
function decoded(v: unknown): unknown {
  if (typeof v === "bigint") return v >= -(2n ** 53n - 1n) && v <= 2n ** 53n - 1n ? Number(v) : v;
  if (Array.isArray(v)) return v.map(decoded);
  if (v instanceof Map) return new Map([...v].map(([k, e]) => [decoded(k), decoded(e)]));
  if (typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype) {
    return plainObject(Object.entries(v).map(([k, e]) => [k, decoded(e)]));
  }
  return v;
}

function plainObject(entries: [string, unknown][]): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    Object.defineProperty(obj, k, {
      value: v,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return obj;
}

const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    primitive,
    fc.uint8Array({ maxLength: 40 }),
    date,
    fc.tuple(fc.double(), fc.double()).map(([re, im]) => new Complex(re, im)),
    fc.array(tie("value"), { maxLength: 5 }),
    fc
      .array(fc.tuple(fc.oneof(text, fc.constantFrom("__proto__", "constructor")), tie("value")), {
        maxLength: 5,
      })
      .map(plainObject),
    fc.array(fc.tuple(key, tie("value")), { maxLength: 5 }).map((e) => new Map(e)),
  ),
}));

const session = fc
  .array(fc.tuple(key, value), { maxLength: 8 })
  .map((e) => new Map<unknown, unknown>(e));

test("decode(encode(v)) is v for fresh values", () => {
  fc.assert(
    fc.property(session, (s) => {
      const back = decode(encode(s));
      assert.ok(sameValue(back, decoded(s)), `${show(back)}\n!=\n${show(s)}`);
    }),
    runs,
  );
});

test("encode(decode(encode(v))) is encode(v) byte for byte", () => {
  fc.assert(
    // Objects: a top-level primitive has no container to remember its Go type in.
    fc.property(
      fc.oneof(
        session,
        value.filter((v) => typeof v === "object" && v !== null),
      ),
      (v) => {
        const once = encode(v);
        const twice = encode(decode(once));
        assert.equal(Buffer.from(twice).toString("hex"), Buffer.from(once).toString("hex"));
      },
    ),
    runs,
  );
});

const typedValue = fc.oneof(
  fc.integer({ min: -128, max: 127 }).map(int8),
  fc.integer({ min: -32768, max: 32767 }).map(int16),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }).map(int32),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(int64),
  fc.maxSafeNat().map(uint),
  fc.integer({ min: 0, max: 255 }).map(uint8),
  fc.integer({ min: 0, max: 65535 }).map(uint16),
  fc.integer({ min: 0, max: 2 ** 32 - 1 }).map(uint32),
  fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map(uint64),
  fc.float().map(float32),
  fc
    .tuple(
      date,
      fc.integer({ min: 0, max: 999_999_999 }),
      fc.integer({ min: -50_000, max: 50_000 }),
    )
    .filter(([, , off]) => Math.trunc(off / 60) !== -1)
    .map(([d, ns, off]) => goTime(d, { nanoseconds: ns, offsetSeconds: off })),
);

test("explicit Go types survive decode and encode unchanged, byte for byte", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(text, fc.oneof(typedValue, value)), { maxLength: 8 }),
      (entries) => {
        const s = new Map<unknown, unknown>(entries);
        const once = encode(s);
        const decoded = decode(once);
        assert.equal(
          Buffer.from(encode(decoded)).toString("hex"),
          Buffer.from(once).toString("hex"),
        );
        // The same inside a list (slots by index) and a nested map.
        const nested = encode([[...s.values()], new Map([["m", s]])]);
        assert.equal(
          Buffer.from(encode(decode(nested))).toString("hex"),
          Buffer.from(nested).toString("hex"),
        );
      },
    ),
    runs,
  );
});

test("a stream of values: one Encoder, one Decoder fed random chunks", () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.oneof(
          session,
          value.filter((v) => typeof v === "object" && v !== null),
        ),
        { minLength: 1, maxLength: 5 },
      ),
      fc.integer({ min: 1, max: 50 }),
      (values, chunk) => {
        const enc = new Encoder();
        const stream = Buffer.concat(values.map((v) => enc.encode(v)));
        const dec = new Decoder();
        const got: unknown[] = [];
        for (let i = 0; i < stream.length; i += chunk)
          got.push(...dec.write(stream.subarray(i, i + chunk)));
        dec.end();
        assert.is(got.length, values.length);
        // Each value as a fresh stream of its own, and again through one stream: the same.
        const again = new Encoder();
        const restream = Buffer.concat(got.map((v) => again.encode(v)));
        assert.equal(restream.toString("hex"), stream.toString("hex"));
      },
    ),
    runs,
  );
});

test("strings: UTF-8 as TextEncoder writes and TextDecoder reads it", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary" }), fc.uint8Array({ maxLength: 60 }), (s, raw) => {
      // JS → Go: lone surrogates become U+FFFD, as TextEncoder makes them.
      const wanted = new TextDecoder().decode(new TextEncoder().encode(s));
      assert.is(decode(encode(s)), wanted);
      // Go → JS: any bytes (a Go string may hold invalid UTF-8), replaced as TextDecoder does.
      const bytes = new Uint8Array([raw.length + 3, 12, 0, raw.length, ...raw]);
      assert.is(decode(bytes), new TextDecoder().decode(raw));
    }),
    { numRuns: 1000 },
  );
});

test.run();
