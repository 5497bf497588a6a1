/**
 * Hmac (SHA-256 in WebAssembly from precomputed pad states, else createHmac) equals
 * node:crypto's HMAC of the cookie message `name "|" bytes` for every hash, key length
 * (empty, shorter and longer than the block), name and message; `prepare` lets the caller
 * write the message where it is hashed.
 */
import { createHmac } from "node:crypto";
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { type HashName, Hmac } from "../../../src/securecookie/fast/Hmac.ts";

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

/** Hmac's MAC of `name "|" msg`: the message prepared, written, then summed. */
function sum(h: Hmac, name: string, msg: Uint8Array): Buffer {
  const at = h.prepare(name, msg.length);
  h.message.set(msg, at);
  const out = Buffer.alloc(h.size);
  h.sumMessage(msg.length, out, 0);
  return out;
}

/** Whether Hmac verifies `mac` as the MAC of `name "|" msg`. */
function verify(h: Hmac, mac: Uint8Array, name: string, msg: Uint8Array): boolean {
  const at = h.prepare(name, msg.length);
  h.message.set(msg, at);
  return h.verifyMessage(msg.length, mac, 0, mac.length);
}

/** node:crypto's HMAC of the cookie message `name "|" msg`. */
function reference(hash: HashName, key: Uint8Array, name: string, msg: Uint8Array): Buffer {
  return createHmac(hash, key).update(name).update("|").update(msg).digest();
}

test("equals createHmac for every hash, key, name and message", () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...hashes),
      fc.uint8Array({ maxLength: 200 }),
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.uint8Array({ maxLength: 400 }),
      (hash, key, name, msg) => {
        const h = new Hmac(hash, key);
        const want = reference(hash, key, name, msg);
        assert.equal(sum(h, name, msg), want);
        assert.ok(verify(h, want, name, msg));
      },
    ),
    { numRuns: 600 },
  );
});

test("one Hmac serves many messages, long ones too", () => {
  const h = new Hmac("sha256", Buffer.from("key"));
  for (const n of [0, 1, 55, 56, 64, 127, 128, 129, 1000, 5000, 70000]) {
    const msg = Buffer.alloc(n, n & 0xff);
    const want = reference("sha256", Buffer.from("key"), "n", msg);
    assert.equal(sum(h, "n", msg), want, `${n}`);
    assert.ok(verify(h, want, "n", msg), `${n}`);
  }
});

test("two keys in turn, short and long messages: each MAC under its own key", () => {
  const keys = [Buffer.from("first key"), Buffer.alloc(100, 7)];
  const macs = keys.map((k) => new Hmac("sha256", k));
  for (let i = 0; i < 12; i++) {
    const k = i % 2;
    const msg = Buffer.alloc(i % 3 === 0 ? 700 : 20 + i, i);
    assert.equal(sum(macs[k], "n", msg), reference("sha256", keys[k], "n", msg), `message ${i}`);
  }
});

test("a prepared message is hashed where it lies, its MAC written or checked right after it", () => {
  for (const hash of ["sha256", "sha512", "sha1"] as HashName[]) {
    const key = Buffer.from("key");
    const h = new Hmac(hash, key);
    for (const n of [0, 20, 100, 400]) {
      const rest = Buffer.alloc(n, n + 1);
      const want = reference(hash, key, "mysession", rest);
      // sumMessage: the MAC after the message, as Encode writes "date|value|mac".
      let at = h.prepare("mysession", n + 1 + want.length);
      h.message.set(rest, at);
      h.sumMessage(n, h.message, at + n + 1);
      assert.equal(h.message.subarray(at + n + 1, at + n + 1 + want.length), want, `${hash} ${n}`);
      // verifyMessage: the MAC right after the message, where the padding goes.
      at = h.prepare("mysession", n + 1 + want.length);
      h.message.set(rest, at);
      h.message.set(want, at + n + 1);
      assert.ok(h.verifyMessage(n, h.message, at + n + 1, at + n + 1 + want.length));
      at = h.prepare("mysession", n + 1 + want.length);
      h.message.set(rest, at);
      h.message.set(want, at + n + 1);
      h.message[at + n + 1] ^= 1;
      assert.not.ok(h.verifyMessage(n, h.message, at + n + 1, at + n + 1 + want.length));
    }
  }
});

test("verify refuses a MAC that differs in any byte or in length", () => {
  const h = new Hmac("sha256", Buffer.from("key"));
  const msg = Buffer.from("1700000000|dmFsdWU=");
  const mac = sum(h, "session", msg);
  for (let i = 0; i < mac.length; i++) {
    const bad = Buffer.from(mac);
    bad[i] ^= 1;
    assert.not.ok(verify(h, bad, "session", msg), `byte ${i}`);
  }
  assert.not.ok(verify(h, mac.subarray(0, 31), "session", msg));
  assert.not.ok(verify(h, mac, "session2", msg));
  const sha1 = new Hmac("sha1", Buffer.from("key"));
  const mac1 = sum(sha1, "session", msg);
  assert.ok(verify(sha1, mac1, "session", msg));
  mac1[19] ^= 0x80;
  assert.not.ok(verify(sha1, mac1, "session", msg));
});

test("a hash HMAC cannot use is a TypeError", () => {
  assert.throws(() => new Hmac("shake256" as HashName, Buffer.from("k")), TypeError);
  assert.throws(() => new Hmac("toString" as HashName, Buffer.from("k")), TypeError);
});

test.run();
