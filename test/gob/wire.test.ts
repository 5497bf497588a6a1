/** Gob's primitive encodings (doc.go "Encoding Details"): round trips and minimal lengths. */
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ByteReader } from "../../src/gob/ByteReader.ts";
import { ByteWriter } from "../../src/gob/ByteWriter.ts";

function reader(bytes: Uint8Array): ByteReader {
  const r = new ByteReader();
  r.data = bytes;
  r.end = bytes.length;
  return r;
}

function written(f: (w: ByteWriter) => void): Uint8Array {
  const w = new ByteWriter(16);
  f(w);
  return w.take();
}

/** Bytes of x, big-endian, minimal. */
function byteLength(x: bigint): number {
  let n = 0;
  for (let v = x; v > 0n; v >>= 8n) n++;
  return n;
}

test("unsigned integers: one byte below 128, else a negated count and minimal big-endian bytes", () => {
  fc.assert(
    fc.property(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), (x) => {
      const b = written((w) => w.uintBig(x));
      if (x < 128n) assert.equal([...b], [Number(x)]);
      else {
        assert.is(b.length, 1 + byteLength(x));
        assert.is(b[0], 256 - byteLength(x));
      }
      const back = reader(b).uintValue();
      assert.is(BigInt(back), x);
      assert.is(typeof back, x <= 2n ** 53n - 1n ? "number" : "bigint");
      if (x <= 2n ** 53n)
        assert.equal(
          written((w) => w.uint(Number(x))),
          b,
        );
    }),
    { numRuns: 2000 },
  );
});

test("signed integers: bit 0 says whether to complement the rest", () => {
  fc.assert(
    fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (i) => {
      const b = written((w) => w.intBig(i));
      const u = i < 0n ? ((-i - 1n) << 1n) | 1n : i << 1n;
      assert.equal(
        b,
        written((w) => w.uintBig(u)),
      );
      assert.is(BigInt(reader(b).intValue()), i);
      if (i >= -(2n ** 53n) && i <= 2n ** 53n)
        assert.equal(
          written((w) => w.intNumber(Number(i))),
          b,
        );
    }),
    { numRuns: 2000 },
  );
});

test("floats: the byte-reversed bits of a float64, as an unsigned integer", () => {
  fc.assert(
    fc.property(fc.double(), (f) => {
      const b = written((w) => w.float(f));
      const bits = Buffer.alloc(8);
      bits.writeDoubleLE(f); // little-endian bytes = the byte-reversed big-endian bits
      assert.equal(
        b,
        written((w) => w.uintBig(bits.readBigUInt64BE())),
      );
      assert.ok(Object.is(reader(b).float(), f));
    }),
    { numRuns: 2000 },
  );
});

test("regions: a count before bytes, however many (moving them up when the count grows)", () => {
  for (const n of [0, 1, 127, 128, 255, 256, 65535, 65536, 70000]) {
    const w = new ByteWriter(4);
    const at = w.open();
    for (let i = 0; i < n; i++) w.byte(i & 0xff);
    w.close(at);
    const b = w.take();
    const r = reader(b);
    assert.is(r.uint(), n);
    assert.is(r.left, n);
    assert.ok(b.subarray(b.length - n).every((x, i) => x === (i & 0xff)));
  }
});

test("reads never go past the message end", () => {
  const r = reader(Uint8Array.of(0xfe, 0x01));
  assert.throws(() => r.uint(), /exceeds input size/);
  const s = reader(Uint8Array.of(5, 0x61));
  assert.throws(() => s.string(), /exceeds input size/);
});

test.run();
