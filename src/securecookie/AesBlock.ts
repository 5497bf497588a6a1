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
    const blocks = Math.ceil(src.length / 16);
    if (blocks === 0) return;
    const counters = Buffer.allocUnsafe(blocks * 16);
    const ctr = Buffer.from(iv);
    for (let b = 0; b < blocks; b++) {
      ctr.copy(counters, b * 16);
      for (let i = 15; i >= 0 && ++ctr[i] === 256; i--); // stores wrap 256 to 0: carry on
    }
    const stream = this.ecb.update(counters);
    for (let i = 0; i < src.length; i++) dst[at + i] = src[i] ^ stream[i];
  }
}
