/**
 * AesBlock: the CTR key stream of the reused ECB cipher equals Node's AES-CTR (OpenSSL
 * increments the whole 128-bit counter, as Go's cipher.NewCTR), counter wrap-around too.
 */
import { createCipheriv } from "node:crypto";
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { KeySizeError } from "../../../src/securecookie/errors.ts";
import { AesBlock } from "../../../src/securecookie/fast/AesBlock.ts";

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

/** `iv | data` at offset `at` of a buffer with a byte to spare after it. */
function layout(iv: Uint8Array, data: Uint8Array, at: number): Buffer {
  const buf = Buffer.alloc(at + 16 + data.length + 1, 0xee);
  buf.set(iv, at);
  buf.set(data, at + 16);
  return buf;
}

test("the key stream is AES-CTR's", () => {
  fc.assert(
    fc.property(
      keyArb,
      ivArb,
      fc.uint8Array({ maxLength: 600 }),
      fc.nat(5),
      (key, iv, data, at) => {
        const buf = layout(iv, data, at);
        new AesBlock(key).xorKeyStream(buf, at, data.length);
        const oracle = createCipheriv(`aes-${key.length * 8}-ctr`, key, iv).update(data);
        assert.equal(buf.subarray(at + 16, at + 16 + data.length), oracle);
        // The IV and the bytes around are left alone.
        assert.equal(buf.subarray(at, at + 16), Buffer.from(iv));
        assert.is(buf[buf.length - 1], 0xee);
        assert.ok(buf.subarray(0, at).every((b) => b === 0xee));
      },
    ),
    { numRuns: 300 },
  );
});

test("one block object serves many messages (no state carried between them)", () => {
  const key = Buffer.alloc(32, 9);
  const block = new AesBlock(key);
  const iv = Buffer.alloc(16, 1);
  const data = Buffer.from("the same message, the same key stream");
  const a = layout(iv, data, 0);
  const b = layout(iv, data, 0);
  block.xorKeyStream(a, 0, data.length);
  block.xorKeyStream(layout(Buffer.alloc(16, 2), Buffer.alloc(21), 0), 0, 21);
  block.xorKeyStream(b, 0, data.length);
  assert.equal(a, b);
});

test("encryptFresh: IV then AES-CTR under it, a new IV every time, across batches and lengths", () => {
  const key = Buffer.alloc(32, 7);
  const block = new AesBlock(key);
  const seen = new Set<string>();
  // More values than one batch holds, with lengths inside and beyond the prepared key stream.
  for (let i = 0; i < 300; i++) {
    const plaintext = Buffer.alloc(i % 400, i & 0xff);
    const at = i % 3;
    const buf = layout(Buffer.alloc(16), plaintext, at);
    block.encryptFresh(buf, at, plaintext.length);
    const iv = buf.subarray(at, at + 16);
    seen.add(iv.toString("hex"));
    const oracle = createCipheriv("aes-256-ctr", key, iv).update(plaintext);
    const sealed = buf.subarray(at + 16, at + 16 + plaintext.length);
    assert.equal(sealed, oracle, `value ${i} (${plaintext.length} bytes)`);
    assert.is(buf[buf.length - 1], 0xee);
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
