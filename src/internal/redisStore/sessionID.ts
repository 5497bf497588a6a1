/**
 * Session IDs of the Redis stores.
 * Port of the ID line of hertz-contrib/sessions v1.0.3 `redis/redistore.go` (`Save`):
 * `strings.TrimRight(base32.StdEncoding.EncodeToString(securecookie.GenerateRandomKey(32)), "=")`.
 */
import { randomBytes } from "node:crypto";

/** RFC 4648 base32 alphabet (Go's `base32.StdEncoding`). */
const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** Go's `base32.StdEncoding.EncodeToString` without the trailing `=` padding. */
export function base32NoPad(bytes: Uint8Array): string {
  let out = "";
  let bits = 0;
  let acc = 0;
  for (let i = 0; i < bytes.length; i++) {
    acc = (acc << 8) | bytes[i];
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += alphabet[(acc >>> bits) & 31];
    }
    acc &= (1 << bits) - 1;
  }
  if (bits > 0) out += alphabet[(acc << (5 - bits)) & 31];
  return out;
}

/** A new session ID: 52 characters of A–Z2–7 carrying 32 random bytes. */
export function newSessionID(): string {
  return base32NoPad(randomBytes(32));
}
