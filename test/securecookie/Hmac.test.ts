/**
 * Hmac (RFC 2104 over one-shot hashes with precomputed pads) equals node:crypto's HMAC for
 * every hash, key length (empty, shorter and longer than the block) and message.
 */
import { createHmac } from "node:crypto";
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { type HashName, Hmac } from "../../src/securecookie/Hmac.ts";

const hashes: HashName[] = [
  "md5",
  "sha1",
  "sha224",
  "sha256",
  "sha384",
  "sha512",
  "sha512-224",
  "sha512-256",
  "sha3-224",
  "sha3-256",
  "sha3-384",
  "sha3-512",
];

test("equals createHmac for every hash, key and message", () => {
  const part = fc.oneof(
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.uint8Array({ maxLength: 300 }),
  );
  fc.assert(
    fc.property(
      fc.constantFrom(...hashes),
      fc.uint8Array({ maxLength: 200 }),
      fc.array(part, { maxLength: 4 }),
      (hash, key, parts) => {
        const h = createHmac(hash, key);
        for (const p of parts) h.update(p);
        assert.equal(new Hmac(hash, key).sum(...parts), h.digest());
      },
    ),
    { numRuns: 600 },
  );
});

test("one Hmac serves many messages, long ones too", () => {
  const h = new Hmac("sha256", Buffer.from("key"));
  for (const n of [0, 1, 55, 56, 64, 1000, 5000, 70000]) {
    const msg = Buffer.alloc(n, n & 0xff);
    assert.equal(h.sum(msg), createHmac("sha256", "key").update(msg).digest(), `${n}`);
  }
});

test("a hash HMAC cannot use is a TypeError", () => {
  assert.throws(() => new Hmac("shake256" as HashName, Buffer.from("k")), TypeError);
  assert.throws(() => new Hmac("toString" as HashName, Buffer.from("k")), TypeError);
});

test.run();
