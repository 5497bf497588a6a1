/**
 * Port of gorilla/securecookie v1.1.2 `securecookie.go` (`GenerateRandomKey`).
 */
import { randomFillSync } from "node:crypto";

/**
 * Creates a random key with the given length in bytes. On failure, returns null.
 *
 * Keys created using `GenerateRandomKey()` are not automatically persisted. New keys will
 * be created when the application is restarted, and previously issued cookies will not be
 * able to be decoded.
 *
 * Callers should explicitly check for the possibility of a null return, treat it as a
 * failure of the system random number generator, and not continue.
 */
export function GenerateRandomKey(length: number): Uint8Array | null {
  try {
    return randomFillSync(Buffer.alloc(length));
  } catch {
    return null;
  }
}
