/**
 * HMAC of the cookie: Go's `hmac.New(s.hashFunc, s.hashKey)`, one per key and hash.
 * The key is imported once as a `KeyObject`; each MAC is one `createHmac`.
 */
import { createHmac, createSecretKey, getHashes, type KeyObject } from "node:crypto";

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

const hashNames: ReadonlySet<string> = new Set<HashName>([
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
]);

export class Hmac {
  private readonly key: KeyObject;

  /** Throws a `TypeError` for a hash this runtime does not have or HMAC cannot use. */
  constructor(
    readonly hash: HashName,
    key: Uint8Array,
  ) {
    if (!hashNames.has(hash) || !getHashes().includes(hash)) {
      throw new TypeError(`securecookie: unsupported hash function ${JSON.stringify(hash)}`);
    }
    this.key = createSecretKey(Buffer.from(key));
  }

  /** Go's `createMac`: the MAC of the concatenated parts (strings count as UTF-8). */
  sum(...parts: Array<string | Uint8Array>): Buffer {
    const h = createHmac(this.hash, this.key);
    for (const p of parts) h.update(p);
    return h.digest();
  }
}
