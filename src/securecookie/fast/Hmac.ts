/**
 * HMAC of the cookie: Go's `hmac.New(s.hashFunc, s.hashKey)`, one per key and hash.
 *
 * HMAC-SHA256, the default, runs in WebAssembly (`Sha256.ts`) from the states after the
 * key's inner and outer pad blocks, computed once per key: no native call per MAC for
 * messages of up to `WASM_MAX` bytes; a longer message takes one native one-shot inner hash
 * (the inner pad block written before it), then the outer block in WebAssembly. The other
 * hashes, and runtimes without WebAssembly, use `crypto.createHmac`.
 *
 * The message is the cookie's, `name "|" rest`. `prepare` writes `name "|"` into `message`
 * (WebAssembly's memory for SHA-256) and lets the caller write the rest after it, so the
 * cookie's bytes are hashed where they lie. See README.md for who owns that buffer.
 */
import * as crypto from "node:crypto";
import {
  BLOCK_AT,
  DATA_AT,
  digestInto,
  INNER_AT,
  OUTER_AT,
  STATE_AT,
  sha256,
  stateAfter,
} from "./Sha256.ts";

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

const available = new Set(crypto.getHashes());

/** SHA-256's block size in bytes. */
const BLOCK = 64;

/**
 * Where a message starts in its buffer: one block in, the room of the inner pad block for a
 * native inner hash (and `stateAfter`, a new key's pad states, uses the first block of
 * WebAssembly's data area).
 */
const MESSAGE_AT = BLOCK;

/**
 * The shared message buffer in WebAssembly's memory, from `DATA_AT` (null without
 * WebAssembly). A SHA-256 message that fits is prepared there.
 */
const wasmMessage = sha256?.memory.subarray(DATA_AT) ?? null;

/** The padding `hmac` writes after a message in WebAssembly's memory: at most 72 bytes. */
const PADDING = 72;

/**
 * The longest message hashed in WebAssembly: five blocks with the padding. Up to there
 * (about 180 ns a block) it costs less than a native call (about 700 ns, then 40 ns a
 * block); beyond, the native hash's speed per byte wins.
 */
const WASM_MAX = 5 * BLOCK - 9;

/** A copy of the MAC being verified (64 bytes: the longest MAC of the hashes here). */
const expected = new Uint8Array(64);

/** The Hmac whose pad states WebAssembly's memory holds at `INNER_AT` and `OUTER_AT`. */
let loaded: Hmac | null = null;

const PIPE = 0x7c; // '|'

/** Strings at least this long are written by one native UTF-8 write instead of inline. */
const NATIVE_WRITE = 32;

/**
 * Writes `s` (a cookie name) as UTF-8 into `buf` at `n`; returns the new end. Short ASCII
 * names are copied inline, longer or non-ASCII ones by one native write.
 */
function writeString(buf: Buffer, s: string, n: number): number {
  if (s.length >= NATIVE_WRITE) return n + buf.write(s, n, "utf8");
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return n + buf.write(s.slice(i), n, "utf8");
    buf[n++] = c;
  }
  return n;
}

export class Hmac {
  readonly hash: HashName;
  private readonly key: Buffer;
  /** The MAC's length in bytes (Go's `hash.Hash.Size()`). */
  readonly size: number;
  /** The buffer of the prepared message (see `prepare`), and where its rest starts. */
  message: Buffer = Buffer.alloc(0);
  private restAt = 0;
  /**
   * SHA-256 states after the inner and the outer pad block, as WebAssembly's memory holds
   * them (null for other hashes, or without WebAssembly).
   */
  private readonly innerState: Uint8Array | null = null;
  private readonly outerState: Uint8Array | null = null;
  /** `key XOR ipad` (one block), for the native inner hash of a long SHA-256 message. */
  private readonly ipad: Buffer | null = null;

  /** Throws a `TypeError` for a hash this runtime does not have or HMAC cannot use. */
  constructor(hash: HashName, key: Uint8Array) {
    this.hash = hash;
    if (!hashNames.has(hash) || !available.has(hash)) {
      throw new TypeError(`securecookie: unsupported hash function ${JSON.stringify(hash)}`);
    }
    this.key = Buffer.from(key);
    this.size = crypto.createHash(hash).digest().length;
    if (hash === "sha256" && sha256 !== null) {
      // RFC 2104: the key (hashed when longer than a block) XOR ipad, and XOR opad.
      const k = Buffer.alloc(BLOCK);
      if (key.length > BLOCK) crypto.createHash(hash).update(key).digest().copy(k);
      else k.set(key);
      const ipad = Buffer.alloc(BLOCK);
      const opad = Buffer.alloc(BLOCK);
      for (let i = 0; i < BLOCK; i++) {
        ipad[i] = k[i] ^ 0x36;
        opad[i] = k[i] ^ 0x5c;
      }
      this.ipad = ipad;
      this.innerState = stateAfter(sha256, ipad);
      this.outerState = stateAfter(sha256, opad);
    }
  }

  /**
   * Prepares a message `name "|" rest`, with room for `room` bytes of rest: writes
   * `name "|"` (the name as UTF-8) into `message` and returns where the rest goes. The caller
   * writes the rest there, then calls `sumMessage` or `verifyMessage` with its length: the
   * message is hashed where it lies, without a copy, and in WebAssembly's memory its padding
   * overwrites up to 72 bytes after it.
   */
  prepare(name: string, room: number): number {
    const size = MESSAGE_AT + name.length * 3 + 1 + room + PADDING;
    const buf =
      this.innerState !== null && size <= wasmMessage!.length
        ? wasmMessage!
        : Buffer.allocUnsafe(size);
    let n = writeString(buf, name, MESSAGE_AT);
    buf[n++] = PIPE;
    this.message = buf;
    this.restAt = n;
    return n;
  }

  /**
   * Computes the MAC of the prepared message, whose rest is `rest` bytes. A SHA-256 message in
   * WebAssembly's memory is hashed there when it is at most `WASM_MAX` bytes, else by one
   * native one-shot inner hash and the outer block there; either leaves the MAC in its state
   * (returns null). The others go through `createHmac` (returns the MAC).
   */
  private macOfMessage(rest: number): Buffer | null {
    const buf = this.message;
    const end = this.restAt + rest;
    const length = end - MESSAGE_AT;
    if (buf === wasmMessage) {
      const { memory, compress, hmac } = sha256!;
      this.load();
      if (length <= WASM_MAX) {
        hmac(DATA_AT + MESSAGE_AT, length);
        return null;
      }
      buf.set(this.ipad!, 0);
      memory.set(crypto.hash("sha256", buf.subarray(0, end), "buffer"), BLOCK_AT);
      memory.copyWithin(STATE_AT, OUTER_AT, OUTER_AT + 32);
      compress(STATE_AT, BLOCK_AT, 1);
      return null;
    }
    return crypto.createHmac(this.hash, this.key).update(buf.subarray(MESSAGE_AT, end)).digest();
  }

  /** Puts this key's pad states where WebAssembly's `hmac` reads them, unless they are there. */
  private load(): void {
    if (loaded === this) return;
    sha256!.memory.set(this.innerState!, INNER_AT);
    sha256!.memory.set(this.outerState!, OUTER_AT);
    loaded = this;
  }

  /** Go's `createMac` of the prepared message (its rest `rest` bytes), into `dst` at `at`. */
  sumMessage(rest: number, dst: Uint8Array, at: number): void {
    const mac = this.macOfMessage(rest);
    if (mac !== null) dst.set(mac, at);
    else digestInto(sha256!.memory, dst, at);
  }

  /**
   * Whether `mac[from:to]` is the MAC of the prepared message (its rest `rest` bytes),
   * compared in constant time (Go's `hmac.Equal`). The MAC may lie after the message.
   */
  verifyMessage(rest: number, mac: Uint8Array, from: number, to: number): boolean {
    const size = this.size;
    if (to - from !== size) return false;
    // A copy first: the message's padding may overwrite it.
    for (let i = 0; i < size; i++) expected[i] = mac[from + i];
    const computed = this.macOfMessage(rest);
    let diff = 0;
    if (computed !== null) for (let i = 0; i < size; i++) diff |= expected[i] ^ computed[i];
    else {
      // The digest's byte i is byte i ^ 3 of the state's little-endian words.
      const memory = sha256!.memory;
      for (let i = 0; i < 32; i++) diff |= expected[i] ^ memory[STATE_AT + (i ^ 3)];
    }
    return diff === 0;
  }
}
