/**
 * Go's `strconv.Quote`, which `%#v` uses for strings: a double-quoted Go string literal of the
 * bytes, printable runes kept, the rest escaped (`\n`, `\x00`, `\u200b`, `\U0001f600`), each
 * byte of invalid UTF-8 as `\xNN`.
 * Port of Go 1.26 strconv/quote.go `appendQuotedWith` and `appendEscapedRune`.
 */

const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const named: Record<number, string> = {
  7: "\\a",
  8: "\\b",
  12: "\\f",
  10: "\\n",
  13: "\\r",
  9: "\\t",
  11: "\\v",
};

/** Quotes a string given as text, or as its exact bytes (a Go string may hold any bytes). */
export function goQuote(s: string | Uint8Array): string {
  const b = typeof s === "string" ? Buffer.from(s, "utf8") : s;
  let out = '"';
  for (let i = 0; i < b.length; ) {
    const [r, width] = decodeRune(b, i);
    if (r < 0) {
      out += `\\x${hex(b[i], 2)}`;
      i++;
      continue;
    }
    i += width;
    out += escapeRune(r);
  }
  return `${out}"`;
}

function escapeRune(r: number): string {
  if (r === 0x22 || r === 0x5c) return `\\${String.fromCodePoint(r)}`;
  if (printable.test(String.fromCodePoint(r))) return String.fromCodePoint(r);
  const n = named[r];
  if (n !== undefined) return n;
  if (r < 0x20 || r === 0x7f) return `\\x${hex(r, 2)}`;
  if (r < 0x10000) return `\\u${hex(r, 4)}`;
  return `\\U${hex(r, 8)}`;
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, "0");
}

/** The rune at `i` and its width, or [-1, 1] for a byte that starts no valid UTF-8 sequence. */
function decodeRune(b: Uint8Array, i: number): [number, number] {
  const c = b[i];
  if (c < 0x80) return [c, 1];
  const need = c >= 0xf0 && c <= 0xf4 ? 3 : c >= 0xe0 ? (c <= 0xef ? 2 : 0) : c >= 0xc2 ? 1 : 0;
  if (need === 0 || i + need >= b.length) return [-1, 1];
  let r = c & (0x3f >> need);
  for (let k = 1; k <= need; k++) {
    const cc = b[i + k];
    if (cc === undefined || (cc & 0xc0) !== 0x80) return [-1, 1];
    r = (r << 6) | (cc & 0x3f);
  }
  const min = [0, 0x80, 0x800, 0x10000][need];
  if (r < min || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) return [-1, 1];
  return [r, need + 1];
}
