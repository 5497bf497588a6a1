/**
 * marshalJSON: what Go's json Encoder writes (its exact bytes for random values are
 * proven against Go in test/interop/securecookie.test.ts); here the properties that hold without Go.
 */
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { marshalJSON } from "../../src/internal/marshalJSON.ts";

test("valid JSON of the same value, one line, newline-terminated, HTML escaped", () => {
  fc.assert(
    fc.property(fc.jsonValue({ stringUnit: "binary" }), (v) => {
      const text = marshalJSON(v);
      assert.ok(text.endsWith("\n"));
      assert.not.ok(text.slice(0, -1).includes("\n"));
      assert.not.ok(/[<>&\u2028\u2029]/.test(text));
      assert.equal(JSON.parse(text), v);
    }),
    { numRuns: 500 },
  );
});

test("object keys come out sorted by code point, at every depth", () => {
  fc.assert(
    fc.property(fc.dictionary(fc.string({ unit: "binary" }), fc.nat()), (o) => {
      const keys = Object.keys(JSON.parse(marshalJSON({ o })).o);
      const byCodePoint = [...keys].sort((a, b) => {
        const x = [...a].map((c) => c.codePointAt(0)!);
        const y = [...b].map((c) => c.codePointAt(0)!);
        for (let i = 0; i < Math.min(x.length, y.length); i++)
          if (x[i] !== y[i]) return x[i] - y[i];
        return x.length - y.length;
      });
      // JSON.parse re-orders integer-like keys; compare the text order instead, finding each
      // key as Go spells it (Go escapes U+2028 and U+2029, JSON.stringify does not).
      const text = marshalJSON(o);
      const positions = byCodePoint.map((k) => text.indexOf(`${marshalJSON(k).trimEnd()}:`));
      assert.ok(!positions.includes(-1), "every key is found");
      for (let i = 1; i < positions.length; i++) assert.ok(positions[i - 1] < positions[i]);
    }),
  );
});

test("Go's types: bytes as base64, bigint as digits, Date as RFC 3339, undefined as null", () => {
  const d = new Date(Date.UTC(2024, 2, 14, 15, 9, 26, 500));
  const v = { b: Uint8Array.of(0, 255), i: 2n ** 63n - 1n, t: d, u: undefined };
  const back = JSON.parse(marshalJSON(v));
  assert.is(Buffer.from(back.b, "base64").toString("hex"), "00ff");
  assert.ok(marshalJSON(v).includes(`"i":${(2n ** 63n - 1n).toString()}`));
  assert.is(new Date(back.t).getTime(), d.getTime());
  assert.ok(back.t.endsWith(".5Z"));
  assert.is(back.u, null);
});

test("what Go cannot encode throws (Map, NaN, cycles)", () => {
  assert.throws(
    () => marshalJSON(new Map()),
    /unsupported type: map\[interface \{\}\]interface \{\}/,
  );
  assert.throws(() => marshalJSON(Number.NaN), /unsupported value: NaN/);
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  assert.throws(() => marshalJSON(cyclic), /cycle/);
});

test.run();
