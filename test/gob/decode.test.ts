/** One-call decode: what it returns is the caller's own, and what it ignores, as Go does. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { decode, encode, GobError } from "../../src/gob/index.ts";
import { memoOf } from "../../src/gob/typeMemory.ts";
import { bytesOf, vectors } from "../support/gobVectors.ts";

test("byte slices and remembered time bytes are copies, not views of the input", () => {
  const input = Buffer.from(encode(new Map<unknown, unknown>([["b", Uint8Array.of(1, 2, 3)]])));
  const times = Buffer.from(bytesOf(vectors.cases.find((c) => c.name === "times")!.gob));
  const b = (decode(input) as Map<string, Uint8Array>).get("b")!;
  const t = (decode(times) as Map<string, Date>).get("+05:30")!;
  const timeBytes = Buffer.from(memoOf(t)!.time!.bytes);
  input.fill(0);
  times.fill(0);
  assert.equal([...b], [1, 2, 3]);
  assert.is(Object.getPrototypeOf(b), Uint8Array.prototype);
  assert.equal(Buffer.from(memoOf(t)!.time!.bytes), timeBytes);
});

test("bytes after the first value are ignored, as Go leaves them unread", () => {
  const two = Buffer.concat([encode("first"), encode("second")]);
  assert.is(decode(two), "first");
});

test("empty input is a decode error (EOF)", () => {
  assert.throws(
    () => decode(new Uint8Array(0)),
    (e: unknown) => e instanceof GobError && e.code === "decode" && /EOF/.test(e.message),
  );
});

test("invalid options are usage errors", () => {
  for (const bad of [{ maxDepth: 0 }, { maxMessageSize: -1 }, { maxTypeDefs: 1.5 }]) {
    assert.throws(
      () => decode(encode(1), bad),
      (e: unknown) => e instanceof GobError && e.code === "usage",
    );
  }
});

test("a nested decode from inside another works (the shared engine is not reused)", () => {
  const inner = encode("inner");
  const outer = {
    get trap() {
      return decode(inner);
    },
  };
  assert.equal(decode(encode({ k: outer.trap })), { k: "inner" });
});

test.run();
