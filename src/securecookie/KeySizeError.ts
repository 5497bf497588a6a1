/**
 * An AES key of a length other than 16, 24 or 32 bytes.
 * Port of Go's `crypto/aes.KeySizeError` (Go 1.26).
 */
export class KeySizeError extends Error {
  override name = "KeySizeError";
  readonly size: number;

  constructor(size: number) {
    super(`crypto/aes: invalid key size ${size}`);
    this.size = size;
  }
}
