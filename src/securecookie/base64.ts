/**
 * Go's `base64.URLEncoding`: the URL-safe alphabet (`-`, `_`) with `=` padding, decoded as
 * strictly as Go does (padding required, other characters refused, `\r` and `\n` skipped,
 * non-zero trailing bits accepted since the encoding is not `Strict()`).
 * Port of Go's `encoding/base64/base64.go` (Go 1.26: `Decode`, `decodeQuantum`).
 *
 * Node's base64 decoder is lenient: it skips characters outside its alphabet, takes `+` and
 * `/` too, stops at the first `=`, and reads a UTF-16 code unit by its low byte ("Ł" is
 * "A"). So it decodes only text shaped like what an encoder writes (whole quanta of the URL
 * alphabet, at most two `=` at the very end), whose result Go's decoder would give too.
 * Everything else goes through the port of Go's decoder, which accepts or rejects it as Go
 * does and reports Go's error offset.
 */
import { CorruptInputError } from "./errors.ts";

const PAD = 0x3d; // '='
const CR = 0x0d;
const LF = 0x0a;

/** The URL alphabet as bytes: encodeMap[v] encodes the 6-bit value v. */
const encodeMap = Buffer.from(
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
  "latin1",
);

/** decodeMap[byte] is the 6-bit value of an alphabet byte, 0xff otherwise. */
const decodeMap = new Uint8Array(256).fill(0xff);
for (let i = 0; i < 64; i++) decodeMap[encodeMap[i]] = i;

function asBuffer(b: Uint8Array): Buffer {
  return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

/** `base64.URLEncoding.EncodeToString(src[start:end])`. */
export function urlEncode(src: Uint8Array, start = 0, end = src.length): string {
  const s = asBuffer(src).toString("base64url", start, end);
  switch ((end - start) % 3) {
    case 1:
      return `${s}==`;
    case 2:
      return `${s}=`;
  }
  return s;
}

/** Go's `EncodedLen(n)`: padded, 4 bytes for every 3 started. */
export function encodedLen(n: number): number {
  return Math.ceil(n / 3) * 4;
}

/**
 * `base64.URLEncoding.DecodeString(src)` for text (Go sees its UTF-8 bytes); throws
 * `CorruptInputError` as Go returns it.
 */
export function urlDecodeString(src: string): Buffer {
  const dst = Buffer.allocUnsafe(src.length);
  return dst.subarray(0, urlDecodeStringInto(src, dst, 0));
}

/**
 * `urlDecodeString` into `dst` at `at` (with room for `src.length` bytes); returns the
 * decoded length. Node's decoder writes it when `src` is shaped like what an encoder writes
 * (whole quanta of ASCII, no `+` or `/`, at most two `=` at the very end) and it writes the
 * length whole quanta give (every character Node skips would shorten it); other text goes
 * through Go's decoder.
 */
export function urlDecodeStringInto(src: string, dst: Buffer, at: number): number {
  const length = nodeDecode(src, dst, at);
  if (length >= 0) return length;
  const decoded = goDecode(Buffer.from(src, "utf8"));
  dst.set(decoded, at);
  return decoded.length;
}

/**
 * Node's decoding of `src` into `dst` at `at`, when `src` is shaped like what an encoder
 * writes and Node decodes it to the length whole quanta give; else -1.
 */
function nodeDecode(src: string, dst: Buffer, at: number): number {
  const n = src.length;
  if (n % 4 === 0 && Buffer.byteLength(src, "utf8") === n) {
    if (src.indexOf("+") === -1 && src.indexOf("/") === -1) {
      const eq = src.indexOf("=");
      const pad = eq === -1 ? 0 : n - eq;
      if (pad <= 1 || (pad === 2 && src.charCodeAt(n - 1) === PAD)) {
        // Node's "base64url" decoding is its lenient "base64" decoder (both alphabets, same
        // skipping), and the faster of the two on this runtime.
        const length = dst.write(src, at, n, "base64url");
        if (length === (n / 4) * 3 - pad) return length;
      }
    }
  }
  return -1;
}

/**
 * `base64.URLEncoding.Decode` of `src[start:end]` into a new buffer; throws
 * `CorruptInputError` as Go returns it. Whole quanta of alphabet bytes are decoded by a plain
 * loop; other bytes by the port of Go's decoder.
 */
export function urlDecode(src: Uint8Array, start = 0, end = src.length): Buffer {
  const n = end - start;
  if (n % 4 === 0) {
    const pad = n === 0 || src[end - 1] !== PAD ? 0 : src[end - 2] === PAD ? 2 : 1;
    const dst = Buffer.allocUnsafe((n / 4) * 3 - pad);
    if (quantaDecode(src, start, end, pad, dst)) return dst;
  }
  return goDecode(src.subarray(start, end));
}

/**
 * Decodes `src[start:end]` (a multiple of 4 bytes, ending in `pad` `=`) into `dst` when it
 * is whole quanta of alphabet bytes, the last one possibly padded; else returns false (Go's
 * decoder then decides). Go ignores the unused low bits of a padded quantum (the encoding is
 * not `Strict()`), and so does this.
 */
function quantaDecode(
  src: Uint8Array,
  start: number,
  end: number,
  pad: number,
  dst: Uint8Array,
): boolean {
  const whole = pad === 0 ? end : end - 4;
  let d = 0;
  for (let i = start; i < whole; i += 4) {
    const a = decodeMap[src[i]];
    const b = decodeMap[src[i + 1]];
    const c = decodeMap[src[i + 2]];
    const e = decodeMap[src[i + 3]];
    // 0xff marks a byte outside the alphabet; valid values fit in 6 bits.
    if ((a | b | c | e) > 0x3f) return false;
    dst[d++] = (a << 2) | (b >> 4);
    dst[d++] = ((b << 4) | (c >> 2)) & 0xff;
    dst[d++] = ((c << 6) | e) & 0xff;
  }
  if (pad !== 0) {
    const a = decodeMap[src[end - 4]];
    const b = decodeMap[src[end - 3]];
    const c = pad === 1 ? decodeMap[src[end - 2]] : 0;
    if ((a | b | c) > 0x3f) return false;
    dst[d++] = (a << 2) | (b >> 4);
    if (pad === 1) dst[d] = ((b << 4) | (c >> 2)) & 0xff;
  }
  return true;
}

/**
 * Go's `Decode` loop: quantum by quantum into a buffer of `DecodedLen(len(src))` bytes.
 * The arbiter of every input the fast path does not take (exported for tests).
 */
export function goDecode(src: Uint8Array): Buffer {
  const dst = Buffer.alloc(Math.floor(src.length / 4) * 3);
  let n = 0;
  let si = 0;
  while (si < src.length) {
    const q = decodeQuantum(dst, n, src, si);
    si = q.si;
    n += q.n;
  }
  return dst.subarray(0, n);
}

/** Go's `decodeQuantum`: decodes one 4-character quantum at `si` into `dst[n:]`. */
function decodeQuantum(
  dst: Uint8Array,
  n: number,
  src: Uint8Array,
  si: number,
): { si: number; n: number } {
  const dbuf = [0, 0, 0, 0];
  let dlen = 4;
  let trailingGarbage = -1;
  for (let j = 0; j < 4; j++) {
    if (src.length === si) {
      // Padding is required: a partial quantum is corrupt (Go: padChar != NoPadding).
      if (j === 0) return { si, n: 0 };
      throw new CorruptInputError(si - j);
    }
    const c = src[si];
    si++;
    const out = decodeMap[c];
    if (out !== 0xff) {
      dbuf[j] = out;
      continue;
    }
    if (c === LF || c === CR) {
      j--;
      continue;
    }
    if (c !== PAD) throw new CorruptInputError(si - 1);
    // We've reached the end and there's padding.
    switch (j) {
      case 0:
      case 1:
        // Incorrect padding.
        throw new CorruptInputError(si - 1);
      case 2:
        // "==" is expected, the first "=" is already consumed; skip over newlines.
        while (si < src.length && (src[si] === LF || src[si] === CR)) si++;
        if (si === src.length) {
          // Not enough padding.
          throw new CorruptInputError(src.length);
        }
        if (src[si] !== PAD) {
          // Incorrect padding.
          throw new CorruptInputError(si - 1);
        }
        si++;
    }
    // Skip over newlines.
    while (si < src.length && (src[si] === LF || src[si] === CR)) si++;
    if (si < src.length) {
      // Trailing garbage: Go writes the quantum, then returns the error.
      trailingGarbage = si;
    }
    dlen = j;
    break;
  }
  // Convert 4x 6bit source bytes into 3 bytes.
  const val = (dbuf[0] << 18) | (dbuf[1] << 12) | (dbuf[2] << 6) | dbuf[3];
  const b = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff];
  for (let k = 0; k < dlen - 1; k++) dst[n + k] = b[k];
  if (trailingGarbage >= 0) throw new CorruptInputError(trailingGarbage);
  return { si, n: dlen - 1 };
}
