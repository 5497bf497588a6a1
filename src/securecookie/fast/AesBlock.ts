/**
 * AES as a block cipher in counter mode: Go's `aes.NewCipher(key)` then `cipher.NewCTR(block,
 * iv).XORKeyStream(dst, src)`, with Go's CTR counter (the whole 16-byte IV incremented as
 * one big-endian number).
 *
 * One AES-ECB cipher per key is made once and reused: ECB without padding is stateless
 * per block, so encrypting the counter blocks yields the CTR key stream without creating a
 * cipher per cookie.
 *
 * Encrypting under a fresh random IV (securecookie's `encrypt`) takes its IV from a batch
 * drawn ahead, whose key streams were computed together: one native call per batch rather
 * than one per cookie. Each IV of a batch is used once.
 */
import { type Cipher, createCipheriv, randomFillSync } from "node:crypto";
import { KeySizeError } from "../errors.ts";
import { fillRandom } from "./randomPool.ts";

/** IVs drawn per batch. */
const BATCH = 64;
/** Key stream bytes prepared per IV of a batch: values up to this long use the batch. */
const SPAN = 128;

/** The counter blocks of the current call, as bytes and as native-order 32-bit words. */
let counterBytes = new Uint8Array(1024);
let counterWords = new Uint32Array(counterBytes.buffer);

/** Views of the first bytes of `counterBytes`, by length in blocks, made once each. */
const counterViews: Uint8Array[] = [];

function growCounters(words: number): void {
  counterBytes = new Uint8Array(Math.max(words * 4, counterBytes.length * 2));
  counterWords = new Uint32Array(counterBytes.buffer);
  counterViews.length = 0;
}

/** `counterBytes[0:bytes]` (a multiple of 16). */
function counterView(bytes: number): Uint8Array {
  const blocks = bytes >>> 4;
  if (blocks > 64) return counterBytes.subarray(0, bytes);
  let view = counterViews[blocks];
  if (view === undefined) {
    view = counterBytes.subarray(0, bytes);
    counterViews[blocks] = view;
  }
  return view;
}

/** The big-endian 32-bit word at `b[i:i+4]`. */
function be32(b: Uint8Array, i: number): number {
  return ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
}

const littleEndian = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** A big-endian word as the platform's Uint32Array stores it. */
function native(w: number): number {
  return littleEndian
    ? (((w & 0xff) << 24) | ((w & 0xff00) << 8) | ((w >>> 8) & 0xff00) | (w >>> 24)) >>> 0
    : w;
}

export class AesBlock {
  /** Go's `block.BlockSize()`: 16 for every AES key size. */
  static readonly blockSize = 16;
  readonly blockSize = AesBlock.blockSize;
  private readonly ecb: Cipher;
  /** The current batch: BATCH random IVs, and SPAN bytes of key stream for each. */
  private readonly ivs = Buffer.allocUnsafe(BATCH * 16);
  private streams: Buffer = Buffer.alloc(0);
  /** The next unused IV of the batch (BATCH: none left). */
  private nextIv = BATCH;

  /** Go's `aes.NewCipher`: AES-128, AES-192 or AES-256 by key length; else `KeySizeError`. */
  constructor(key: Uint8Array) {
    const bits = key.length * 8;
    if (bits !== 128 && bits !== 192 && bits !== 256) throw new KeySizeError(key.length);
    this.ecb = createCipheriv(`aes-${bits}-ecb`, Buffer.from(key), null);
    this.ecb.setAutoPadding(false);
  }

  /**
   * Go's `cipher.NewCTR(block, iv).XORKeyStream(text, text)` in place, for `iv` then `text`
   * at `buf[at : at+16+length]` (securecookie's `decrypt`).
   */
  xorKeyStream(buf: Uint8Array, at: number, length: number): void {
    if (length === 0) return;
    // The counter blocks, written into a reused buffer (update copies its input).
    const words = ((length + 15) >>> 4) << 2;
    if (counterWords.length < words) growCounters(words);
    writeCounters(buf, at, counterWords, 0, words);
    xor(buf, at + 16, this.ecb.update(counterView(words << 2)), 0, length);
  }

  /**
   * securecookie's `encrypt` in place, for room for the IV then `text` at
   * `buf[at : at+16+length]`: a fresh random IV there, then `text` XOR its key stream.
   */
  encryptFresh(buf: Uint8Array, at: number, length: number): void {
    if (length > SPAN) {
      fillRandom(buf, at, 16);
      this.xorKeyStream(buf, at, length);
      return;
    }
    if (this.nextIv === BATCH) this.drawBatch();
    const i = this.nextIv++;
    for (let j = 0; j < 16; j++) buf[at + j] = this.ivs[i * 16 + j];
    xor(buf, at + 16, this.streams, i * SPAN, length);
  }

  /** Draws BATCH random IVs and computes SPAN bytes of key stream for each, in one call. */
  private drawBatch(): void {
    randomFillSync(this.ivs);
    const words = (BATCH * SPAN) >>> 2;
    if (counterWords.length < words) growCounters(words);
    for (let i = 0; i < BATCH; i++) {
      writeCounters(this.ivs, i * 16, counterWords, (i * SPAN) >>> 2, SPAN >>> 2);
    }
    this.streams = this.ecb.update(counterView(words << 2));
    this.nextIv = 0;
  }
}

/**
 * Writes the counter blocks `iv`, `iv+1`, `iv+2`, ... (the IV at `b[ivAt:ivAt+16]` as one
 * 128-bit big-endian number) as `words` 32-bit words into `u` from word `from`.
 */
function writeCounters(
  b: Uint8Array,
  ivAt: number,
  u: Uint32Array,
  from: number,
  words: number,
): void {
  let w0 = be32(b, ivAt);
  let w1 = be32(b, ivAt + 4);
  let w2 = be32(b, ivAt + 8);
  let w3 = be32(b, ivAt + 12);
  let n0 = native(w0);
  let n1 = native(w1);
  let n2 = native(w2);
  for (let j = from, end = from + words; j < end; j += 4) {
    u[j] = n0;
    u[j + 1] = n1;
    u[j + 2] = n2;
    u[j + 3] = native(w3);
    w3 = (w3 + 1) >>> 0;
    if (w3 === 0) {
      w2 = (w2 + 1) >>> 0;
      if (w2 === 0) {
        w1 = (w1 + 1) >>> 0;
        if (w1 === 0) w0 = (w0 + 1) >>> 0;
        n0 = native(w0);
        n1 = native(w1);
      }
      n2 = native(w2);
    }
  }
}

/** Inputs at least this long are XORed a 32-bit word at a time when both are aligned. */
const WORD_XOR = 256;

/** `buf[at+i] ^= stream[from+i]` for `i < length`. */
function xor(buf: Uint8Array, at: number, stream: Uint8Array, from: number, length: number) {
  let i = 0;
  const b = buf.byteOffset + at;
  const k = stream.byteOffset + from;
  if (length >= WORD_XOR && ((b | k) & 3) === 0) {
    const n = length >>> 2;
    const bw = new Int32Array(buf.buffer, b, n);
    const kw = new Int32Array(stream.buffer, k, n);
    for (let j = 0; j < n; j++) bw[j] ^= kw[j];
    i = n << 2;
  }
  for (; i < length; i++) buf[at + i] ^= stream[from + i];
}
