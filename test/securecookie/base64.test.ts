/**
 * Go's URLEncoding: the fast path (canonical input) and the port of Go's decoder agree;
 * text and bytes entry points agree. Go's verdicts and offsets themselves are proven by the
 * vectors and the interop tests (test/interop/securecookie.test.ts).
 */
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { goDecode, urlDecode, urlDecodeString, urlEncode } from "../../src/securecookie/base64.ts";

function outcome(f: () => Buffer): string {
  try {
    return `ok:${f().toString("hex")}`;
  } catch (e) {
    return `err:${(e as Error).message}`;
  }
}

test("padded URL-safe base64 of any bytes, and back", () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 100 }), (b) => {
      const s = urlEncode(b);
      assert.is(s.length % 4, 0);
      assert.ok(/^[A-Za-z0-9_-]*={0,2}$/.test(s));
      assert.equal(urlDecodeString(s), Buffer.from(b));
      assert.equal(urlDecode(Buffer.from(s)), Buffer.from(b));
    }),
  );
});

test("text and bytes decoding agree on every near-base64 string", () => {
  const unit = fc.constantFrom(..."AQgw-_+/=\n\r*. ");
  fc.assert(
    fc.property(fc.string({ unit, maxLength: 16 }), (s) => {
      assert.is(
        outcome(() => urlDecodeString(s)),
        outcome(() => urlDecode(Buffer.from(s))),
      );
    }),
    { numRuns: 3000 },
  );
});

test("the fast path never disagrees with the port of Go's decoder", () => {
  // Characters Node skips, reads as others ("Ł" as "A") or takes although Go does not.
  const unit = fc.constantFrom(..."AQgw-_+/=\n\r*. \u0141\u0100é\u0000\u00ff");
  const nearValid = fc
    .tuple(fc.uint8Array({ maxLength: 30 }), fc.nat(), fc.string({ unit, maxLength: 3 }))
    .map(([b, at, s]) => {
      const e = urlEncode(b);
      const i = at % (e.length + 1);
      return e.slice(0, i) + s + e.slice(i + s.length);
    });
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit, maxLength: 16 }), nearValid), (s) => {
      const go = outcome(() => goDecode(Buffer.from(s, "utf8")));
      assert.is(
        outcome(() => urlDecodeString(s)),
        go,
        JSON.stringify(s),
      );
      const latin1 = Buffer.from(s, "latin1");
      assert.is(
        outcome(() => urlDecode(latin1)),
        outcome(() => goDecode(latin1)),
        JSON.stringify(s),
      );
    }),
    { numRuns: 5000 },
  );
});

test("offsets count UTF-8 bytes, as Go's", () => {
  assert.throws(() => urlDecodeString("AAAAé"), /input byte 4$/);
  assert.throws(() => urlDecodeString("é"), /input byte 0$/);
  assert.throws(() => urlDecodeString("AA\n\nAAéA"), /input byte 6$/);
  assert.throws(() => urlDecodeString("\u0141AAA"), /input byte 0$/); // Node alone reads "AAAA"
});

test.run();
