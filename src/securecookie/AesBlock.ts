/**
 * AES as a block cipher in counter mode: Go's `aes.NewCipher(key)` then `cipher.NewCTR(block,
 * iv).XORKeyStream(dst, src)`, with Go's CTR counter (the whole 16-byte IV incremented as
 * one big-endian number).
 *
 * One AES-ECB cipher per key is made once and reused: ECB without padding is stateless
 * per block, so encrypting the counter blocks yields the CTR key stream without creating a
 * cipher per cookie. Short values (a few blocks, as a small session) are encrypted in
 * JavaScript with T-tables from the expanded key instead: no native call per cookie.
 */
import { type Cipher, createCipheriv } from "node:crypto";
import { KeySizeError } from "./KeySizeError.ts";

/** The counter blocks of the current call, as bytes and as native-order 32-bit words. */
let counterBytes = new Uint8Array(1024);
let counterWords = new Uint32Array(counterBytes.buffer);

function growCounters(words: number): void {
  counterBytes = new Uint8Array(Math.max(words * 4, counterBytes.length * 2));
  counterWords = new Uint32Array(counterBytes.buffer);
}

/** The big-endian 32-bit word at `b[i:i+4]`. */
function be32(b: Uint8Array, i: number): number {
  return ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
}

/** The AES S-box and the four encryption T-tables (FIPS 197), built once. */
const SBOX = new Uint8Array(256);
const T0 = new Int32Array(256);
const T1 = new Int32Array(256);
const T2 = new Int32Array(256);
const T3 = new Int32Array(256);
{
  // Walk GF(2^8)* with generator 3 (p) and its inverse (q): S(p) = affine(p^-1).
  let p = 1;
  let q = 1;
  do {
    p = (p ^ (p << 1) ^ (p & 0x80 ? 0x1b : 0)) & 0xff;
    q ^= q << 1;
    q ^= q << 2;
    q ^= q << 4;
    q &= 0xff;
    if (q & 0x80) q ^= 0x09;
    const r = (q << 8) | q;
    SBOX[p] = (q ^ (r >>> 7) ^ (r >>> 6) ^ (r >>> 5) ^ (r >>> 4) ^ 0x63) & 0xff;
  } while (p !== 1);
  SBOX[0] = 0x63;
  for (let x = 0; x < 256; x++) {
    const v = SBOX[x];
    const v2 = ((v << 1) ^ (v & 0x80 ? 0x1b : 0)) & 0xff;
    const t = (v2 << 24) | (v << 16) | (v << 8) | (v2 ^ v);
    T0[x] = t;
    T1[x] = (t >>> 8) | (t << 24);
    T2[x] = (t >>> 16) | (t << 16);
    T3[x] = (t >>> 24) | (t << 8);
  }
}

/** FIPS 197 `KeyExpansion`: the round keys as 32-bit words. */
function expandKey(key: Uint8Array): Int32Array {
  const nk = key.length >>> 2;
  const total = 4 * (nk + 7);
  const w = new Int32Array(total);
  for (let i = 0; i < nk; i++) w[i] = be32(key, i * 4);
  let rcon = 1;
  for (let i = nk; i < total; i++) {
    let t = w[i - 1];
    if (i % nk === 0) {
      t = (t << 8) | (t >>> 24);
      t = subWord(t) ^ (rcon << 24);
      rcon = ((rcon << 1) ^ (rcon & 0x80 ? 0x1b : 0)) & 0xff;
    } else if (nk > 6 && i % nk === 4) {
      t = subWord(t);
    }
    w[i] = w[i - nk] ^ t;
  }
  return w;
}

function subWord(t: number): number {
  return (
    (SBOX[t >>> 24] << 24) |
    (SBOX[(t >>> 16) & 0xff] << 16) |
    (SBOX[(t >>> 8) & 0xff] << 8) |
    SBOX[t & 0xff]
  );
}

/** The longest value encrypted in JavaScript (four blocks); longer ones use the ECB cipher. */
const JS_MAX = 64;

/** One key-stream block of the JavaScript path, as words. */
const out = new Int32Array(4);

/** Encrypts the block of words `s0..s3` with the round keys `rk` into `out`. */
function encryptBlock(rk: Int32Array, s0: number, s1: number, s2: number, s3: number): void {
  const rounds = (rk.length >>> 2) - 1;
  s0 ^= rk[0];
  s1 ^= rk[1];
  s2 ^= rk[2];
  s3 ^= rk[3];
  let k = 4;
  for (let r = 1; r < rounds; r++, k += 4) {
    const t0 =
      T0[s0 >>> 24] ^ T1[(s1 >>> 16) & 0xff] ^ T2[(s2 >>> 8) & 0xff] ^ T3[s3 & 0xff] ^ rk[k];
    const t1 =
      T0[s1 >>> 24] ^ T1[(s2 >>> 16) & 0xff] ^ T2[(s3 >>> 8) & 0xff] ^ T3[s0 & 0xff] ^ rk[k + 1];
    const t2 =
      T0[s2 >>> 24] ^ T1[(s3 >>> 16) & 0xff] ^ T2[(s0 >>> 8) & 0xff] ^ T3[s1 & 0xff] ^ rk[k + 2];
    const t3 =
      T0[s3 >>> 24] ^ T1[(s0 >>> 16) & 0xff] ^ T2[(s1 >>> 8) & 0xff] ^ T3[s2 & 0xff] ^ rk[k + 3];
    s0 = t0;
    s1 = t1;
    s2 = t2;
    s3 = t3;
  }
  const S = SBOX;
  out[0] =
    ((S[s0 >>> 24] << 24) |
      (S[(s1 >>> 16) & 0xff] << 16) |
      (S[(s2 >>> 8) & 0xff] << 8) |
      S[s3 & 0xff]) ^
    rk[k];
  out[1] =
    ((S[s1 >>> 24] << 24) |
      (S[(s2 >>> 16) & 0xff] << 16) |
      (S[(s3 >>> 8) & 0xff] << 8) |
      S[s0 & 0xff]) ^
    rk[k + 1];
  out[2] =
    ((S[s2 >>> 24] << 24) |
      (S[(s3 >>> 16) & 0xff] << 16) |
      (S[(s0 >>> 8) & 0xff] << 8) |
      S[s1 & 0xff]) ^
    rk[k + 2];
  out[3] =
    ((S[s3 >>> 24] << 24) |
      (S[(s0 >>> 16) & 0xff] << 16) |
      (S[(s1 >>> 8) & 0xff] << 8) |
      S[s2 & 0xff]) ^
    rk[k + 3];
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
  /** The expanded key, for the JavaScript path. */
  private readonly roundKeys: Int32Array;

  /** Go's `aes.NewCipher`: AES-128, AES-192 or AES-256 by key length; else `KeySizeError`. */
  constructor(key: Uint8Array) {
    const bits = key.length * 8;
    if (bits !== 128 && bits !== 192 && bits !== 256) throw new KeySizeError(key.length);
    this.ecb = createCipheriv(`aes-${bits}-ecb`, Buffer.from(key), null);
    this.ecb.setAutoPadding(false);
    this.roundKeys = expandKey(key);
  }

  /**
   * Go's `cipher.NewCTR(block, iv).XORKeyStream(dst[at:], src)`: writes `src` XOR the key
   * stream starting at counter `iv` into `dst` from offset `at`.
   */
  xorKeyStream(iv: Uint8Array, src: Uint8Array, dst: Uint8Array, at: number): void {
    const length = src.length;
    if (length === 0) return;
    if (length <= JS_MAX) {
      this.xorShort(iv, src, dst, at);
      return;
    }
    // The counter blocks iv, iv+1, iv+2, ... (one 128-bit big-endian number), written as
    // 32-bit words into a reused buffer (update copies its input).
    const words = ((length + 15) >>> 4) << 2;
    if (counterWords.length < words) growCounters(words);
    const u = counterWords;
    let w0 = be32(iv, 0);
    let w1 = be32(iv, 4);
    let w2 = be32(iv, 8);
    let w3 = be32(iv, 12);
    let n0 = native(w0);
    let n1 = native(w1);
    let n2 = native(w2);
    for (let j = 0; j < words; j += 4) {
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
    const stream = this.ecb.update(counterBytes.subarray(0, words << 2));
    for (let i = 0; i < length; i++) dst[at + i] = src[i] ^ stream[i];
  }

  /** `xorKeyStream` in JavaScript, block by block. */
  private xorShort(iv: Uint8Array, src: Uint8Array, dst: Uint8Array, at: number): void {
    const length = src.length;
    const rk = this.roundKeys;
    let w0 = be32(iv, 0);
    let w1 = be32(iv, 4);
    let w2 = be32(iv, 8);
    let w3 = be32(iv, 12);
    for (let i = 0; i < length; ) {
      encryptBlock(rk, w0, w1, w2, w3);
      for (let j = 0; j < 16 && i < length; j++, i++) {
        dst[at + i] = src[i] ^ (out[j >>> 2] >>> (24 - ((j & 3) << 3)));
      }
      w3 = (w3 + 1) >>> 0;
      if (w3 === 0) {
        w2 = (w2 + 1) >>> 0;
        if (w2 === 0) {
          w1 = (w1 + 1) >>> 0;
          if (w1 === 0) w0 = (w0 + 1) >>> 0;
        }
      }
    }
  }
}
