/**
 * HMAC of the cookie: Go's `hmac.New(s.hashFunc, s.hashKey)`, one per key and hash.
 *
 * RFC 2104 over one-shot hashes: the padded key's inner and outer blocks are computed once,
 * then each MAC is `H(opad || H(ipad || message))`, two `crypto.hash` calls on a reused
 * buffer (cheaper than a `createHmac` object per cookie). Runtimes without `crypto.hash`
 * (Node < 20.12) use `createHmac`. SHA-256, the default, runs in JavaScript from the pads'
 * precomputed states (`Sha256.ts`): no native call per MAC for short messages, and for
 * longer ones only the inner hash is native (the outer one is a single JavaScript block).
 */
import * as crypto from "node:crypto";
import { compress, digestInto, pad, SHA256_IV } from "./Sha256.ts";

/**
 * The hash of the HMAC, by Node's name, standing for Go's `hashFunc`: `"sha256"` is
 * `sha256.New` (the default), `"sha1"` `sha1.New`, `"sha512"` `sha512.New`, `"sha512-256"`
 * `sha512.New512_256`, `"sha3-256"` `sha3.New256`, `"md5"` `md5.New`, ...
 */
export type HashName =
  | "md5"
  | "sha1"
  | "sha224"
  | "sha256"
  | "sha384"
  | "sha512"
  | "sha512-224"
  | "sha512-256"
  | "sha3-224"
  | "sha3-256"
  | "sha3-384"
  | "sha3-512";

/** Each hash's block size in bytes (Go's `hash.Hash.BlockSize()`; the rate for SHA-3). */
const blockSizes: Record<HashName, number> = {
  md5: 64,
  sha1: 64,
  sha224: 64,
  sha256: 64,
  sha384: 128,
  sha512: 128,
  "sha512-224": 128,
  "sha512-256": 128,
  "sha3-224": 144,
  "sha3-256": 136,
  "sha3-384": 104,
  "sha3-512": 72,
};

const available = new Set(crypto.getHashes());

type OneShot = (algorithm: string, data: Uint8Array, outputEncoding: "buffer") => Buffer;
const oneShot = (crypto as { hash?: OneShot }).hash;

/** The message buffer, reused by every MAC (the computation is synchronous). */
let scratch = Buffer.allocUnsafe(1024);

/**
 * The longest message hashed in JavaScript: four blocks with the padding. Up to there one
 * JavaScript MAC (about 0.3 µs a block) costs less than two native calls; beyond, the
 * native hash's speed per byte wins.
 */
const JS_MAX = 4 * 64 - 9;

/** The SHA-256 state of the MAC being computed. */
const state = new Int32Array(8);

/**
 * The outer block of HMAC-SHA256 after the pad: the inner digest (bytes 0..31), then the
 * padding of a 96-byte message (pad block plus digest), the same for every MAC.
 */
const outerBlock = new Uint8Array(128);
pad(outerBlock, 0, 32, 64);

/** Strings at least this long are written by one native UTF-8 write instead of inline. */
const NATIVE_WRITE = 32;

/**
 * Writes `s` as UTF-8 into `scratch` at `n`; returns the new end. Short ASCII strings are
 * copied inline, longer ones (such as the signed part of a cookie) by one native write.
 */
function writeString(s: string, n: number): number {
  const buf = scratch;
  if (s.length >= NATIVE_WRITE) return n + buf.write(s, n, "utf8");
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return n + buf.write(s.slice(i), n, "utf8");
    buf[n++] = c;
  }
  return n;
}

export class Hmac {
  private readonly blockSize: number;
  /** `key XOR ipad` (one block). */
  private readonly ipad: Buffer;
  /** `key XOR opad` (one block), followed by room for the inner digest. */
  private readonly outer: Buffer;
  private readonly key: Buffer;
  /** SHA-256 states after the inner and the outer pad block (null for other hashes). */
  private readonly innerState: Int32Array | null = null;
  private readonly outerState: Int32Array | null = null;

  /** Throws a `TypeError` for a hash this runtime does not have or HMAC cannot use. */
  constructor(
    readonly hash: HashName,
    key: Uint8Array,
  ) {
    if (!Object.hasOwn(blockSizes, hash) || !available.has(hash)) {
      throw new TypeError(`securecookie: unsupported hash function ${JSON.stringify(hash)}`);
    }
    this.key = Buffer.from(key);
    const size = blockSizes[hash];
    this.blockSize = size;
    const k = Buffer.alloc(size);
    if (key.length > size) crypto.createHash(hash).update(key).digest().copy(k);
    else k.set(key);
    this.ipad = Buffer.alloc(size);
    const digestLength = crypto.createHash(hash).digest().length;
    this.outer = Buffer.alloc(size + digestLength);
    for (let i = 0; i < size; i++) {
      this.ipad[i] = k[i] ^ 0x36;
      this.outer[i] = k[i] ^ 0x5c;
    }
    if (hash === "sha256") {
      this.innerState = new Int32Array(SHA256_IV);
      compress(this.innerState, this.ipad, 0, 1);
      this.outerState = new Int32Array(SHA256_IV);
      compress(this.outerState, this.outer, 0, 1);
    }
  }

  /**
   * Computes the MAC of the concatenated parts (strings as UTF-8). SHA-256 messages of at
   * most `JS_MAX` bytes are hashed in JavaScript into `state` (returns null); longer ones
   * by one native one-shot inner hash, then the outer block in JavaScript (returns null
   * too); other hashes go through two one-shot hashes (returns the MAC).
   */
  private mac(parts: Array<string | Uint8Array>): Buffer | null {
    const size = this.blockSize;
    let room = size + 72;
    for (const p of parts) room += typeof p === "string" ? p.length * 3 : p.length;
    if (scratch.length < room) scratch = Buffer.allocUnsafe(Math.max(room, scratch.length * 2));
    // The message is written after the room of one block (the inner pad, for one-shots).
    let n = size;
    for (const p of parts) {
      if (typeof p === "string") n = writeString(p, n);
      else {
        scratch.set(p, n);
        n += p.length;
      }
    }
    const length = n - size;
    if (this.innerState !== null && length <= JS_MAX) {
      state.set(this.innerState);
      compress(state, scratch, size, pad(scratch, size, length, size));
      digestInto(state, outerBlock, 0);
      state.set(this.outerState!);
      compress(state, outerBlock, 0, 1);
      return null;
    }
    this.ipad.copy(scratch, 0);
    const inner = oneShot!(this.hash, scratch.subarray(0, n), "buffer");
    if (this.outerState !== null) {
      // SHA-256: the outer hash is one block from the outer pad's state, in JavaScript.
      outerBlock.set(inner, 0);
      state.set(this.outerState);
      compress(state, outerBlock, 0, 1);
      return null;
    }
    inner.copy(this.outer, size);
    return oneShot!(this.hash, this.outer, "buffer");
  }

  /** The MAC's length in bytes (Go's `hash.Hash.Size()`). */
  get size(): number {
    return this.outer.length - this.blockSize;
  }

  /**
   * The MAC of `prefix` then `src[start:end]`, written into `dst` at `at` (`size` bytes):
   * the message bytes are copied once, and no MAC buffer is made for SHA-256.
   */
  sumInto(dst: Uint8Array, at: number, prefix: string, src: Uint8Array, end: number): void {
    if (oneShot === undefined) {
      dst.set(this.sum(prefix, src.subarray(0, end)), at);
      return;
    }
    const mac = this.mac([prefix, src.subarray(0, end)]);
    if (mac !== null) dst.set(mac, at);
    else digestInto(state, dst, at);
  }

  /** Go's `createMac`: the MAC of the concatenated parts (strings count as UTF-8). */
  sum(...parts: Array<string | Uint8Array>): Buffer {
    if (oneShot === undefined) {
      const h = crypto.createHmac(this.hash, this.key);
      for (const p of parts) h.update(p);
      return h.digest();
    }
    const mac = this.mac(parts);
    if (mac !== null) return mac;
    const out = Buffer.allocUnsafe(32);
    digestInto(state, out, 0);
    return out;
  }

  /**
   * Whether `mac` is the MAC of the concatenated parts, compared in constant time (Go's
   * `hmac.Equal`).
   */
  verify(mac: Uint8Array, ...parts: Array<string | Uint8Array>): boolean {
    const mac2 = oneShot === undefined ? this.sum(...parts) : this.mac(parts);
    if (mac2 !== null) return mac.length === mac2.length && crypto.timingSafeEqual(mac, mac2);
    if (mac.length !== 32) return false;
    let diff = 0;
    for (let i = 0, j = 0; i < 8; i++, j += 4) {
      const v = state[i];
      diff |=
        (mac[j] ^ (v >>> 24)) |
        (mac[j + 1] ^ ((v >>> 16) & 0xff)) |
        (mac[j + 2] ^ ((v >>> 8) & 0xff)) |
        (mac[j + 3] ^ (v & 0xff));
    }
    return diff === 0;
  }
}
