/**
 * The cookie timestamp parser: Go's `strconv.ParseInt(s, 10, 64)` over bytes.
 * Port of Go's `strconv/atoi.go` (Go 1.26) for base 10: an optional `+` or `-`, then one or
 * more ASCII digits (no underscores in base 10), in the int64 range.
 */

const MAX_SAFE_DIGITS = 15; // every 15-digit number is a safe integer

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

/**
 * The int64 `src[start:end]` spells: a `number` when it is a safe integer, a `bigint`
 * beyond; `null` where Go's `ParseInt` returns an error (syntax or range).
 */
export function parseInt64(src: Uint8Array, start: number, end: number): number | bigint | null {
  let i = start;
  let neg = false;
  if (i < end && (src[i] === 0x2b || src[i] === 0x2d)) {
    neg = src[i] === 0x2d;
    i++;
  }
  if (i === end) return null;
  let n = 0;
  const digitsEnd = Math.min(end, i + MAX_SAFE_DIGITS);
  for (; i < digitsEnd; i++) {
    const d = src[i] - 0x30;
    if (d < 0 || d > 9) return null;
    n = n * 10 + d;
  }
  if (i === end) return neg ? 0 - n : n; // 0 - 0 is +0
  let big = BigInt(n);
  for (; i < end; i++) {
    const d = src[i] - 0x30;
    if (d < 0 || d > 9) return null;
    big = big * 10n + BigInt(d);
    if (big > INT64_MAX + 1n) return null; // out of range (a syntax error fails alike)
  }
  if (neg) big = -big;
  if (big > INT64_MAX || big < INT64_MIN) return null;
  return Number.isSafeInteger(Number(big)) ? Number(big) : big;
}
