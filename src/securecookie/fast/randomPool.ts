/**
 * Random bytes for the IVs, drawn from a pool refilled by `crypto.randomFillSync`: one
 * system call per 4 KiB instead of one per cookie. Every byte is handed out once (an IV is
 * public: it leads the ciphertext in the cookie).
 */
import { randomFillSync } from "node:crypto";

const POOL_SIZE = 4096;
const pool = Buffer.allocUnsafe(POOL_SIZE);
let used = POOL_SIZE;

/** Fills `dst[at : at+length]` with cryptographically secure random bytes. */
export function fillRandom(dst: Uint8Array, at: number, length: number): void {
  if (length > POOL_SIZE) {
    randomFillSync(dst, at, length);
    return;
  }
  if (used + length > POOL_SIZE) {
    randomFillSync(pool);
    used = 0;
  }
  pool.copy(dst, at, used, used + length);
  used += length;
}
