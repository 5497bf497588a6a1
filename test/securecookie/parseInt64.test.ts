/**
 * parseInt64 against an oracle of Go's strconv.ParseInt(s, 10, 64) rules: optional sign,
 * ASCII digits only, the int64 range.
 */
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseInt64 } from "../../src/securecookie/SecureCookie.ts";

const MIN = -(1n << 63n);
const MAX = (1n << 63n) - 1n;

function oracle(s: string): bigint | null {
  if (!/^[+-]?[0-9]+$/.test(s)) return null;
  const n = BigInt(s);
  return n < MIN || n > MAX ? null : n;
}

function parse(s: string): bigint | null {
  const r = parseInt64(Buffer.from(s, "latin1"), 0, s.length);
  if (typeof r === "number") {
    assert.ok(Number.isSafeInteger(r), s);
    assert.not.ok(Object.is(r, -0), s);
  }
  return r === null ? null : BigInt(r);
}

test("int64 values, with signs and leading zeros", () => {
  fc.assert(
    fc.property(
      fc.bigInt({ min: MIN - 10n, max: MAX + 10n }),
      fc.constantFrom("", "+", "-"),
      fc.nat({ max: 3 }),
      (n, sign, zeros) => {
        const digits = "0".repeat(zeros) + (n < 0n ? -n : n).toString();
        const s = n < 0n ? `-${digits}` : sign + digits;
        assert.equal(parse(s), oracle(s), s);
      },
    ),
    { numRuns: 2000 },
  );
});

test("near-numbers: signs alone, spaces, underscores, hex, letters", () => {
  fc.assert(
    fc.property(
      fc.string({ unit: fc.constantFrom(..."0123456789+-_ xe."), maxLength: 22 }),
      (s) => {
        assert.equal(parse(s), oracle(s), JSON.stringify(s));
      },
    ),
    { numRuns: 2000 },
  );
});

test("a number only where safe, else a bigint", () => {
  assert.is(typeof parseInt64(Buffer.from("9007199254740991"), 0, 16), "number");
  assert.is(typeof parseInt64(Buffer.from("9007199254740993"), 0, 16), "bigint");
  assert.is(parseInt64(Buffer.from("x12|"), 1, 3), 12);
});

test.run();
