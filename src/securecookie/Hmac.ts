/**
 * HMAC of the cookie: Go's `hmac.New(s.hashFunc, s.hashKey)`, one per key and hash.
 *
 * RFC 2104 over one-shot hashes: the padded key's inner and outer blocks are computed once,
 * then each MAC is `H(opad || H(ipad || message))`, two `crypto.hash` calls on a reused
 * buffer (cheaper than a `createHmac` object per cookie). Runtimes without `crypto.hash`
 * (Node < 20.12) use `createHmac`.
 */
import * as crypto from "node:crypto";

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

export class Hmac {
  private readonly blockSize: number;
  /** `key XOR ipad` (one block). */
  private readonly ipad: Buffer;
  /** `key XOR opad` (one block), followed by room for the inner digest. */
  private readonly outer: Buffer;
  private readonly key: Buffer;

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
  }

  /** Go's `createMac`: the MAC of the concatenated parts (strings count as UTF-8). */
  sum(...parts: Array<string | Uint8Array>): Buffer {
    if (oneShot === undefined) {
      const h = crypto.createHmac(this.hash, this.key);
      for (const p of parts) h.update(p);
      return h.digest();
    }
    let room = this.blockSize;
    for (const p of parts) room += typeof p === "string" ? p.length * 3 : p.length;
    if (scratch.length < room) scratch = Buffer.allocUnsafe(Math.max(room, scratch.length * 2));
    this.ipad.copy(scratch, 0);
    let n = this.blockSize;
    for (const p of parts) {
      if (typeof p === "string") n += scratch.write(p, n, "utf8");
      else {
        scratch.set(p, n);
        n += p.length;
      }
    }
    const inner = oneShot(this.hash, scratch.subarray(0, n), "buffer");
    inner.copy(this.outer, this.blockSize);
    return oneShot(this.hash, this.outer, "buffer");
  }
}
