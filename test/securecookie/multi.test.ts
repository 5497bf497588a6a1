/**
 * MultiError: Go's text composition and kinds (any element, not only the first), checked
 * against the "multiErrors" of test/vectors/securecookie.json, built from the same list.
 */
import { readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ErrMacInvalid, MultiError, New } from "../../src/securecookie/index.ts";
import { describe, encodeWith, type GoError, thrown } from "../support/cookieSpec.ts";

const { multiErrors } = JSON.parse(
  readFileSync(new URL("../vectors/securecookie.json", import.meta.url), "utf8"),
) as { multiErrors: Array<{ errors: Array<string | null>; error: GoError }> };

const hashKeyNotSet = thrown(() => New(null).Encode("x", 1));
const tooLong = thrown(() =>
  encodeWith({ name: "s", keyPairs: ["6b6579"], encoder: "json", maxLength: 10 }, 1),
);
const plain = new Error("plain: not a securecookie error");

/** The lists the generator builds, in its order. */
const lists: Array<Array<Error | null>> = [
  [],
  [null],
  [ErrMacInvalid],
  [null, hashKeyNotSet],
  [plain, ErrMacInvalid],
  [tooLong, plain],
  [ErrMacInvalid, hashKeyNotSet, null, plain],
  [new MultiError([hashKeyNotSet]), plain],
];

test("the vectors hold the lists built here", () => {
  assert.is(multiErrors.length, lists.length);
  lists.forEach((list, i) => {
    assert.equal(
      list.map((e) => (e === null ? null : e.message)),
      multiErrors[i].errors,
    );
  });
});

lists.forEach((list, i) => {
  test(`Go's text and kinds: ${JSON.stringify(multiErrors[i].errors)}`, () => {
    const m = new MultiError(list);
    assert.equal(describe(m), multiErrors[i].error);
    assert.is(m.Cause(), null);
    assert.equal(m.errors, list);
  });
});

test("a MultiError is an Error, and a SecureCookieErrorLike like Go's", () => {
  const m = new MultiError([ErrMacInvalid]);
  assert.instance(m, Error);
  assert.is(m.name, "MultiError");
  assert.is(String(m), `MultiError: ${ErrMacInvalid.message}`);
});

test.run();
