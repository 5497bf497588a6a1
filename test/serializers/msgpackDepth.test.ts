/**
 * msgpackDeeperThan: the nesting depth read from the format bytes equals the depth of the
 * value @msgpack/msgpack encoded, for every format; a megabyte of nesting is refused without
 * being decoded.
 */
import { Encoder } from "@msgpack/msgpack";
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { MsgpackSerializer } from "../../src/serializers/MsgpackSerializer.ts";
import { msgpackDeeperThan } from "../../src/serializers/msgpackDepth.ts";
import { GorillaSession } from "../../src/sessions/GorillaSession.ts";
import { MemoryStore } from "../support/memoryStore.ts";

/** Levels of arrays and maps (objects), empty ones included. */
function depth(v: unknown): number {
  if (typeof v !== "object" || v === null || ArrayBuffer.isView(v) || v instanceof Date) return 0;
  const children = Array.isArray(v) ? v : Object.values(v);
  return 1 + Math.max(0, ...children.map(depth));
}

// Scalars of every format: fixint, uint/int 8..64, float 32/64, nil, bools, fixstr and str
// 8/16, bin 8/16, and the timestamp extension (fixext 4/8, ext 8).
const scalar = fc.oneof(
  fc.integer({ min: -(2 ** 31), max: 2 ** 32 - 1 }),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 64n - 1n }),
  fc.double({ noNaN: true }),
  fc.constantFrom(null, true, false),
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 256, maxLength: 300 }),
  fc.uint8Array({ maxLength: 300 }),
  fc.date({ min: new Date(-1e14), max: new Date(1e14), noInvalidDate: true }),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    fc.array(tie("value"), { maxLength: 20 }),
    fc.dictionary(fc.string({ maxLength: 5 }), tie("value"), { maxKeys: 20 }),
  ),
}));
const encoder = new Encoder({ useBigInt64: true });

test("the depth read from the bytes is the depth of the encoded value", () => {
  fc.assert(
    fc.property(value, fc.nat(8), (v, limit) => {
      const bytes = encoder.encode(v);
      assert.is(msgpackDeeperThan(bytes, limit), depth(v) > limit, JSON.stringify(depth(v)));
    }),
    { numRuns: 2000 },
  );
});

test("16- and 32-bit container lengths count their elements", () => {
  const wide = Array.from({ length: 70_000 }, (_, i) => (i % 2 === 0 ? [i] : i));
  const bytes = encoder.encode({ a: wide, b: [[[]]] });
  assert.is(bytes[3], 0xdd, "an array 32");
  assert.not.ok(msgpackDeeperThan(bytes, 4));
  assert.ok(msgpackDeeperThan(bytes, 3));
});

test("a megabyte of nested arrays is refused before the decoder sees it", () => {
  const bytes = Buffer.alloc(1 << 20, 0x91); // fixarray of one element, over and over
  bytes.set([0x81, 0xa1, 0x6b], 0);
  bytes[bytes.length - 1] = 0xc0;
  const s = GorillaSession.New(new MemoryStore(), "s");
  const before = process.memoryUsage().heapUsed;
  assert.throws(() => new MsgpackSerializer().Deserialize(bytes, s), /maxDepth 64/);
  const grown = process.memoryUsage().heapUsed - before;
  assert.ok(grown < 32 << 20, `the heap grew by ${grown} bytes`);
});

test.run();
