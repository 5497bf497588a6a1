/**
 * UTF-8 for gob strings, with fast paths for the short ASCII strings sessions are made of.
 * Invalid UTF-8 (which a Go string may hold) decodes with U+FFFD replacements, as
 * `TextDecoder` does; lone surrogates encode as U+FFFD, as `TextEncoder` does.
 */
const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Up to this many bytes, a JS loop beats a native call. */
const shortString = 8;

/** Node's own UTF-8 decoding of a byte range, without making a view first (any Uint8Array). */
const nodeUtf8Slice = (
  Buffer.prototype as unknown as {
    utf8Slice?: (this: Uint8Array, start: number, end: number) => string;
  }
).utf8Slice;

export function utf8Decode(buf: Uint8Array, start: number, end: number): string {
  if (end - start <= shortString) {
    let s = "";
    for (let i = start; i < end; i++) {
      const c = buf[i];
      if (c >= 0x80) return decoder.decode(buf.subarray(start, end));
      s += String.fromCharCode(c);
    }
    return s;
  }
  if (nodeUtf8Slice !== undefined) return nodeUtf8Slice.call(buf, start, end);
  return decoder.decode(buf.subarray(start, end));
}

/** Node's own Latin-1 decoding of a byte range: for ASCII bytes, the same string as UTF-8. */
const nodeLatin1Slice = (
  Buffer.prototype as unknown as {
    latin1Slice?: (this: Uint8Array, start: number, end: number) => string;
  }
).latin1Slice;

/** Bytes start..end, all ASCII (< 0x80), as a string. */
export function asciiDecode(buf: Uint8Array, start: number, end: number): string {
  if (end - start <= shortString || nodeLatin1Slice === undefined) {
    let s = "";
    for (let i = start; i < end; i++) s += String.fromCharCode(buf[i]);
    return s;
  }
  return nodeLatin1Slice.call(buf, start, end);
}

/** Short ASCII strings decoded lately (a session's keys, small values, type names), by hash. */
const shortStrings: (string | undefined)[] = new Array(256).fill(undefined);
/** The longest string kept in {@link shortStrings}. */
export const maxShortString = 16;

/**
 * Bytes start..start+n, all ASCII, n ≤ {@link maxShortString}, whose hash is `h` (n, then
 * h = h * 31 + byte for each byte, in 32 bits): the same string as when these bytes were
 * seen lately.
 */
export function shortAscii(buf: Uint8Array, start: number, n: number, h: number): string {
  const slot = (h ^ (h >>> 8)) & 255;
  const s = shortStrings[slot];
  if (s !== undefined && s.length === n) {
    let i = 0;
    while (i < n && s.charCodeAt(i) === buf[start + i]) i++;
    if (i === n) return s;
  }
  const fresh = asciiDecode(buf, start, start + n);
  shortStrings[slot] = fresh;
  return fresh;
}

/** The UTF-8 length of `s`, and whether it is all ASCII (then it equals `s.length`). */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 2; // 4 bytes for 2 UTF-16 units
        i++;
      } else n += 2;
    } else n += 2;
  }
  return n;
}

/** Writes `s` as UTF-8 at `pos`; `buf` has room for `utf8Length(s)` bytes. Returns the new position. */
export function utf8Write(s: string, buf: Uint8Array, pos: number): number {
  const n = s.length;
  if (n <= 64) {
    let p = pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) return pos + encoder.encodeInto(s, buf.subarray(pos)).written;
      buf[p++] = c;
    }
    return p;
  }
  return pos + encoder.encodeInto(s, buf.subarray(pos)).written;
}

/** Whether bytes start..end are well-formed UTF-8 (RFC 3629: no overlongs, surrogates, > U+10FFFF). */
export function isValidUtf8(buf: Uint8Array, start: number, end: number): boolean {
  let i = start;
  while (i < end) {
    const c = buf[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return false;
    if (i + n >= end) return false; // cut short
    const b1 = buf[i + 1];
    if (b1 < lo || b1 > hi) return false;
    for (let k = 2; k <= n; k++) {
      const b = buf[i + k];
      if (b < 0x80 || b > 0xbf) return false;
    }
    i += n + 1;
  }
  return true;
}
