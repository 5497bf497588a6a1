/**
 * AES as a block cipher in counter mode: Go's `aes.NewCipher(key)` then `cipher.NewCTR(block,
 * iv).XORKeyStream(dst, src)`, with Go's CTR counter (the whole 16-byte IV incremented as
 * one big-endian number).
 *
 * One AES-ECB cipher per key is made once and reused: ECB without padding is stateless
 * per block, so encrypting the counter blocks yields the CTR key stream without creating a
 * cipher per cookie.
 */
import { type Cipher, createCipheriv } from "node:crypto";
import { KeySizeError } from "./KeySizeError.ts";

export class AesBlock {
  /** Go's `block.BlockSize()`: 16 for every AES key size. */
  static readonly blockSize = 16;
  readonly blockSize = AesBlock.blockSize;
  private readonly ecb: Cipher;

  /** Go's `aes.NewCipher`: AES-128, AES-192 or AES-256 by key length; else `KeySizeError`. */
  constructor(key: Uint8Array) {
    const bits = key.length * 8;
    if (bits !== 128 && bits !== 192 && bits !== 256) throw new KeySizeError(key.length);
    this.ecb = createCipheriv(`aes-${bits}-ecb`, Buffer.from(key), null);
    this.ecb.setAutoPadding(false);
  }

  /**
   * Go's `cipher.NewCTR(block, iv).XORKeyStream(dst[at:], src)`: writes `src` XOR the key
   * stream starting at counter `iv` into `dst` from offset `at`.
   */
  xorKeyStream(iv: Uint8Array, src: Uint8Array, dst: Uint8Array, at: number): void {
    const length = src.length;
    if (length === 0) return;
    const blocks = (length + 15) >>> 4;
    const counters = Buffer.allocUnsafe(blocks << 4);
    for (let i = 0; i < 16; i++) counters[i] = iv[i];
    for (let b = 16; b < blocks << 4; b += 16) {
      // The next counter: the previous one plus one, carried from the last byte.
      let carry = 1;
      for (let i = 15; i >= 0; i--) {
        const v = counters[b - 16 + i] + carry;
        counters[b + i] = v & 0xff;
        carry = v >>> 8;
      }
    }
    const stream = this.ecb.update(counters);
    for (let i = 0; i < length; i++) dst[at + i] = src[i] ^ stream[i];
  }
}
