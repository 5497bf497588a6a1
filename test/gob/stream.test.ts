/** Encoder and Decoder as streams: type definitions once per stream, values one by one. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Decoder, decode, Encoder, encode, GobError } from "../../src/gob/index.ts";

const withFlash = (s: string) => new Map<unknown, unknown>([["_flash", [s]]]);

test("a type is defined once per stream: later values refer to it", () => {
  const enc = new Encoder();
  const first = enc.encode(withFlash("a"));
  const second = enc.encode(withFlash("b"));
  assert.ok(second.length < first.length, "the second value carries no definitions");
  assert.equal(Buffer.from(first), Buffer.from(encode(withFlash("a"))));
  // Alone, the second value names types its stream defined earlier: not decodable.
  assert.throws(
    () => decode(second),
    (e: unknown) => e instanceof GobError && e.code === "decode",
  );
  const dec = new Decoder();
  assert.equal(dec.write(Buffer.concat([first, second])), [withFlash("a"), withFlash("b")]);
  dec.end();
});

test("a value that cannot be encoded leaves the stream as it was", () => {
  const enc = new Encoder();
  assert.throws(
    () =>
      enc.encode(
        new Map<unknown, unknown>([
          ["ok", ["x"]],
          ["bad", () => 1],
        ]),
      ),
    (e: unknown) => e instanceof GobError && e.code === "usage",
  );
  const next = enc.encode(withFlash("after"));
  // The failed value's definitions were not sent, so the next value defines them.
  assert.equal(decode(next), withFlash("after"));
});

test("the Decoder yields values as their bytes complete", () => {
  const enc = new Encoder();
  const a = enc.encode(withFlash("a"));
  const b = enc.encode(7);
  const dec = new Decoder();
  assert.equal(dec.write(a.subarray(0, 5)), []);
  assert.equal(dec.write(a.subarray(5)), [withFlash("a")]);
  assert.equal(dec.write(b.subarray(0, 1)), []);
  assert.equal(dec.write(b.subarray(1)), [7]);
  dec.end();
});

test("a Decoder error is sticky; end() reports a cut-off value", () => {
  const dec = new Decoder();
  assert.throws(
    () => dec.write(Uint8Array.of(2, 0xff, 0x80)),
    (e: unknown) => e instanceof GobError,
  );
  assert.throws(
    () => dec.write(encode(1)),
    (e: unknown) => e instanceof GobError,
  );
  const cut = new Decoder();
  cut.write(encode("abc").subarray(0, 3));
  assert.throws(
    () => cut.end(),
    (e: unknown) => e instanceof GobError && e.code === "decode",
  );
});

test("nil cannot be encoded at top level, as in Go", () => {
  for (const v of [null, undefined]) {
    assert.throws(
      () => encode(v),
      (e: unknown) => e instanceof GobError && e.code === "usage",
    );
  }
});

test("values with no Go type are usage errors", () => {
  class Point {
    x = 1;
  }
  for (const v of [
    () => 1,
    Symbol("s"),
    new Point(),
    new Set([1]),
    new Float64Array(1),
    new Date(Number.NaN),
  ]) {
    assert.throws(
      () => encode(new Map([["v", v]])),
      (e: unknown) => e instanceof GobError && e.code === "usage",
      String(v),
    );
  }
  assert.throws(
    () => encode(2n ** 64n),
    (e: unknown) => e instanceof GobError && e.code === "usage",
  );
  const cyclic: unknown[] = [];
  cyclic.push(cyclic);
  assert.throws(
    () => encode(cyclic),
    (e: unknown) => e instanceof GobError && e.code === "usage",
  );
  assert.throws(
    () => encode(new Map([[["a slice key"], 1]])),
    (e: unknown) => e instanceof GobError && e.code === "usage",
  );
});

test.run();
