/**
 * HMAC of the cookie: Go's `hmac.New(s.hashFunc, s.hashKey)`, one per key and hash.
 *
 * RFC 2104 over one-shot hashes: the padded key's inner and outer blocks are computed once,
 * then each MAC is `H(opad || H(ipad || message))`, two `crypto.hash` calls on a reused
 * buffer (cheaper than a `createHmac` object per cookie). Runtimes without `crypto.hash`
 * (Node < 20.12) use `createHmac`. SHA-256, the default, runs in WebAssembly from the pads'
 * precomputed states (`Sha256.ts`): no native call per MAC for short messages, and for
 * longer ones only the inner hash is native (the outer one is a single block).
 *
 * The message is the cookie's, `name "|" rest`. `prepare` writes `name "|"` into the
 * buffer the MAC is computed in (WebAssembly's memory for SHA-256) and lets the caller write
 * the rest after it, so the cookie's bytes are hashed where they lie.
 */
import * as crypto from "node:crypto";
import { Scratch } from "./Scratch.ts";
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

/**
 * The message buffer, reused by every MAC (the computation is synchronous): WebAssembly's
 * memory from `DATA_AT` when SHA-256 runs there, else (or for a longer message) a scratch.
 */
const wasmScratch = sha256?.memory.subarray(DATA_AT) ?? null;
const heapScratch = new Scratch();

function scratchFor(room: number): Buffer {
  if (wasmScratch !== null && room <= wasmScratch.length) return wasmScratch;
  return heapScratch.get(room);
}

/**
 * The longest message hashed in WebAssembly: five blocks with the padding. Up to there
 * (about 180 ns a block) it costs less than a native call (about 700 ns, then 40 ns a
 * block); beyond, the native hash's speed per byte wins.
 */
const WASM_MAX = 5 * 64 - 9;

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
  private readonly blockSize: number;
  /** `key XOR ipad` (one block). */
  private readonly ipad: Buffer;
  /** `key XOR opad` (one block), followed by room for the inner digest. */
  private readonly outer: Buffer;
  private readonly key: Buffer;
  /** The buffer of the prepared message (see `prepare`), and where its rest starts. */
  message: Buffer = heapScratch.get(0);
  private restAt = 0;
  /**
   * SHA-256 states after the inner and the outer pad block, as WebAssembly's memory holds
   * them (null for other hashes, or without WebAssembly).
   */
  private readonly innerState: Uint8Array | null = null;
  private readonly outerState: Uint8Array | null = null;

  /** Throws a `TypeError` for a hash this runtime does not have or HMAC cannot use. */
  constructor(hash: HashName, key: Uint8Array) {
    this.hash = hash;
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
    if (hash === "sha256" && sha256 !== null) {
      this.innerState = stateAfter(sha256, this.ipad);
      this.outerState = stateAfter(sha256, this.outer);
    }
  }

  /**
   * Prepares a message `name "|" rest`, with room for `room` bytes of rest: writes
   * `name "|"` (the name as UTF-8) into `message` and returns where the rest goes. The caller
   * writes the rest there, then calls `sumMessage` or `verifyMessage` with its length: the
   * message is hashed where it lies, without a copy, and its padding overwrites up to 72
   * bytes after it.
   */
  prepare(name: string, room: number): number {
    const size = this.blockSize;
    const buf = scratchFor(size + name.length * 3 + 1 + room + 72);
    // The message starts after the room of one block (the inner pad, for one-shots).
    let n = writeString(buf, name, size);
    buf[n++] = PIPE;
    this.message = buf;
    this.restAt = n;
    return n;
  }

  /**
   * Computes the MAC of the prepared message, whose rest is `rest` bytes. SHA-256 messages of
   * at most `WASM_MAX` bytes are hashed in WebAssembly, leaving the MAC in its state (returns
   * null); longer ones by one native one-shot inner hash, then the outer block in
   * WebAssembly (returns null too); other hashes go through two one-shot hashes (returns the
   * MAC), or `createHmac` where there is no `crypto.hash` (Node < 20.12).
   */
  private macOfMessage(rest: number): Buffer | null {
    const buf = this.message;
    const size = this.blockSize;
    const n = this.restAt + rest;
    const length = n - size;
    if (oneShot === undefined) {
      return crypto.createHmac(this.hash, this.key).update(buf.subarray(size, n)).digest();
    }
    const inner = this.innerState;
    if (inner !== null && buf === wasmScratch && length <= WASM_MAX) {
      this.load();
      sha256!.hmac(DATA_AT + size, length);
      return null;
    }
    this.ipad.copy(buf, 0);
    const digest = oneShot(this.hash, buf.subarray(0, n), "buffer");
    if (inner !== null) {
      // The outer hash of the native inner digest, in WebAssembly.
      const { memory, compress } = sha256!;
      this.load();
      memory.set(digest, BLOCK_AT);
      memory.copyWithin(STATE_AT, OUTER_AT, OUTER_AT + 32);
      compress(STATE_AT, BLOCK_AT, 1);
      return null;
    }
    digest.copy(this.outer, size);
    return oneShot(this.hash, this.outer, "buffer");
  }

  /** Puts this key's pad states where WebAssembly's `hmac` reads them, unless they are there. */
  private load(): void {
    if (loaded === this) return;
    sha256!.memory.set(this.innerState!, INNER_AT);
    sha256!.memory.set(this.outerState!, OUTER_AT);
    loaded = this;
  }

  /** The MAC's length in bytes (Go's `hash.Hash.Size()`). */
  get size(): number {
    return this.outer.length - this.blockSize;
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
