/**
 * Whether a MessagePack value nests arrays and maps deeper than a limit, read from its
 * format bytes alone (nothing is decoded): @msgpack/msgpack keeps a state per open
 * container, so a megabyte of one-element arrays would cost it some 150 MB before any depth
 * check could run on its result.
 *
 * Formats, from the MessagePack specification ("Overview" table):
 *
 *     positive fixint 0x00-0x7f, negative fixint 0xe0-0xff, nil 0xc0, false 0xc2, true 0xc3
 *     fixmap 0x80-0x8f (N entries), fixarray 0x90-0x9f (N elements), fixstr 0xa0-0xbf (N bytes)
 *     bin 8/16/32 0xc4-0xc6, ext 8/16/32 0xc7-0xc9 (length, then a type byte)
 *     float 32/64 0xca-0xcb, uint 8/16/32/64 0xcc-0xcf, int 8/16/32/64 0xd0-0xd3
 *     fixext 1/2/4/8/16 0xd4-0xd8 (a type byte, then 1..16 bytes)
 *     str 8/16/32 0xd9-0xdb, array 16/32 0xdc-0xdd, map 16/32 0xde-0xdf
 *
 * A malformed or truncated value stops the scan early; the decoder then reports it.
 */

/** Bytes after the format byte of the fixed-size formats 0xc0..0xdf (-1: sized, or none). */
// biome-ignore format: one row per eight format codes
const fixedSize = Int8Array.of(
  0, -1, 0, 0, -1, -1, -1, -1, //  nil, (never used), false, true, bin 8/16/32, ext 8
  -1, -1, 4, 8, 1, 2, 4, 8, //     ext 16/32, float 32/64, uint 8/16/32/64
  1, 2, 4, 8, 2, 3, 5, 9, //       int 8/16/32/64, fixext 1/2/4/8 (with the type byte)
  17, -1, -1, -1, -1, -1, -1, -1, // fixext 16, str 8/16/32, array 16/32, map 16/32
);

export function msgpackDeeperThan(d: Uint8Array, max: number): boolean {
  /** Values still to read in each open container, innermost last. */
  const open: number[] = [];
  let i = 0;
  while (i < d.length) {
    const c = d[i++];
    let items = -1; // a container's values, when c opens one
    if (c <= 0x7f || c >= 0xe0) {
      // fixint
    } else if (c <= 0x8f) {
      items = (c & 0x0f) * 2;
    } else if (c <= 0x9f) {
      items = c & 0x0f;
    } else if (c <= 0xbf) {
      i += c & 0x1f;
    } else {
      const size = fixedSize[c - 0xc0];
      if (size >= 0) {
        i += size;
      } else if (c >= 0xc4 && c <= 0xc9) {
        // bin 8/16/32 (0xc4-0xc6) and ext 8/16/32 (0xc7-0xc9, then a type byte)
        const width = 1 << ((c - 0xc4) % 3);
        i += width + readLength(d, i, width) + (c >= 0xc7 ? 1 : 0);
      } else if (c >= 0xd9 && c <= 0xdb) {
        const width = 1 << (c - 0xd9);
        i += width + readLength(d, i, width);
      } else if (c >= 0xdc) {
        // array 16/32, map 16/32
        const width = c === 0xdc || c === 0xde ? 2 : 4;
        items = readLength(d, i, width) * (c >= 0xde ? 2 : 1);
        i += width;
      } else {
        return false; // 0xc1, never used: the decoder's error
      }
    }
    if (items >= 0) {
      if (open.length + 1 > max) return true;
      if (items > 0) {
        open.push(items);
        continue;
      }
    }
    // One value complete: count it in its container, closing those it completes.
    while (open.length > 0 && --open[open.length - 1] === 0) open.pop();
  }
  return false;
}

/** The big-endian unsigned integer of `width` bytes at `d[i:]` (0 past the end). */
function readLength(d: Uint8Array, i: number, width: number): number {
  let n = 0;
  for (let k = 0; k < width; k++) n = n * 256 + (d[i + k] ?? 0);
  return n;
}
