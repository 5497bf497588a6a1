/**
 * AesBlock: the CTR key stream of the reused ECB cipher equals Node's AES-CTR (OpenSSL
 * increments the whole 128-bit counter, as Go's cipher.NewCTR), counter wrap-around too.
 */
import { createCipheriv } from "node:crypto";
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { AesBlock } from "../../src/securecookie/AesBlock.ts";
import { KeySizeError } from "../../src/securecookie/KeySizeError.ts";

const keyArb = fc.oneof(
  fc.uint8Array({ minLength: 16, maxLength: 16 }),
  fc.uint8Array({ minLength: 24, maxLength: 24 }),
  fc.uint8Array({ minLength: 32, maxLength: 32 }),
);

// IVs near a carry: the low bytes at 0xff so that the counter wraps within the value.
const ivArb = fc.oneof(
  fc.uint8Array({ minLength: 16, maxLength: 16 }),
  fc
    .tuple(fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.integer({ min: 1, max: 16 }))
    .map(([iv, n]) => iv.fill(0xff, 16 - n)),
);

test("the key stream is AES-CTR's", () => {
  fc.assert(
    fc.property(keyArb, ivArb, fc.uint8Array({ maxLength: 300 }), (key, iv, data) => {
      const ours = Buffer.alloc(data.length + 3);
      new AesBlock(key).xorKeyStream(iv, data, ours, 3);
      const oracle = createCipheriv(`aes-${key.length * 8}-ctr`, key, iv).update(data);
      assert.equal(ours.subarray(3), oracle);
    }),
    { numRuns: 300 },
  );
});

test("one block object serves many messages (no state carried between them)", () => {
  const key = Buffer.alloc(32, 9);
  const block = new AesBlock(key);
  const iv = Buffer.alloc(16, 1);
  const data = Buffer.from("the same message, the same key stream");
  const a = Buffer.alloc(data.length);
  const b = Buffer.alloc(data.length);
  block.xorKeyStream(iv, data, a, 0);
  block.xorKeyStream(Buffer.alloc(16, 2), Buffer.alloc(21), Buffer.alloc(21), 0);
  block.xorKeyStream(iv, data, b, 0);
  assert.equal(a, b);
});

test("encryptFresh: IV then AES-CTR under it, a new IV every time, across batches and lengths", () => {
  const key = Buffer.alloc(32, 7);
  const block = new AesBlock(key);
  const seen = new Set<string>();
  // More values than one batch holds, with lengths inside and beyond the prepared key stream.
  for (let i = 0; i < 300; i++) {
    const plaintext = Buffer.alloc(i % 200, i & 0xff);
    const buf = Buffer.concat([Buffer.alloc(16), plaintext]);
    block.encryptFresh(buf);
    const iv = buf.subarray(0, 16);
    seen.add(iv.toString("hex"));
    const oracle = createCipheriv("aes-256-ctr", key, iv).update(plaintext);
    assert.equal(buf.subarray(16), oracle, `value ${i} (${plaintext.length} bytes)`);
  }
  assert.is(seen.size, 300, "every encryption drew its own IV");
});

test("other key sizes: Go's KeySizeError", () => {
  for (const n of [0, 1, 15, 17, 23, 25, 31, 33, 64]) {
    assert.throws(
      () => new AesBlock(new Uint8Array(n)),
      (e: Error) => e instanceof KeySizeError && e.size === n,
    );
  }
});

test.run();
