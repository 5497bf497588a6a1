/**
 * A growable byte buffer writing gob's primitive encodings, and the count-delimited regions
 * messages and interface values are framed in.
 *
 * Port of `encBuffer`, `encodeUint`, `encodeInt`, `encFloat` and `writeMessage` of Go 1.26
 * encoding/gob encode.go and encoder.go. Go assembles a message after reserved space for its
 * count; here a region reserves one byte for its count and, when the count needs more
 * (a region of 128 bytes or more), moves the region's bytes up on closing.
 */
import { utf8Length, utf8Write } from "./utf8.ts";

const two32 = 2 ** 32;

/** The bytes of a 32-bit word `v` > 0 without its leading zero bytes: 1 to 4. */
function byteCount(v: number): number {
  return v < 0x100 ? 1 : v < 0x10000 ? 2 : v < 0x1000000 ? 3 : 4;
}
const scratch = new DataView(new ArrayBuffer(8));

/** Outputs are cut from slabs of this size: no copy, no allocation per output. */
const slabSize = 16384;

export class ByteWriter {
  buf: Uint8Array;
  pos = 0;
  /** Where the current output starts. */
  private start = 0;

  constructor(size = 1024) {
    this.buf = new Uint8Array(size);
  }

  /** Starts a new output after the previous ones (a mostly used slab is left to their views). */
  begin(): void {
    if (this.buf.length - this.pos < this.buf.length / 4) {
      this.buf = new Uint8Array(Math.max(slabSize, this.buf.length));
      this.pos = 0;
    }
    this.start = this.pos;
  }

  /** The output since `begin()`: a view of bytes this writer never writes again. */
  take(): Uint8Array {
    const out = this.buf.subarray(this.start, this.pos);
    this.start = this.pos;
    return out;
  }

  /** Drops the output since `begin()`. */
  abandon(): void {
    this.pos = this.start;
  }

  ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buf.subarray(0, this.pos));
    this.buf = grown;
  }

  byte(b: number): void {
    if (this.pos >= this.buf.length) this.ensure(1);
    this.buf[this.pos++] = b;
  }

  raw(b: Uint8Array): void {
    const n = b.length;
    this.ensure(n);
    if (n < 32) {
      // A loop beats the native call for the short names and definitions written here.
      const buf = this.buf;
      let p = this.pos;
      for (let i = 0; i < n; i++) buf[p++] = b[i];
      this.pos = p;
      return;
    }
    this.buf.set(b, this.pos);
    this.pos += n;
  }

  /**
   * An unsigned integer, 0 ≤ x ≤ 2^53: "If it is less than 128, it is sent as a byte with that
   * value. Otherwise it is sent as a minimal-length big-endian (high byte first) byte stream
   * holding the value, preceded by one byte holding the byte count, negated."
   */
  uint(x: number): void {
    if (x < 0x80) {
      this.byte(x);
      return;
    }
    const hi = x >= two32 ? Math.floor(x / two32) : 0;
    this.uintWords(hi, x - hi * two32);
  }

  /** An unsigned integer, 0 ≤ x < 2^64. */
  uintBig(x: bigint): void {
    if (x <= 0x1fffffffffffffn) {
      this.uint(Number(x));
      return;
    }
    this.uintWords(Number(x >> 32n), Number(x & 0xffffffffn));
  }

  /** An unsigned integer of at least 0x80, given as its high and low 32-bit words. */
  private uintWords(hi: number, lo: number): void {
    const n = hi === 0 ? byteCount(lo) : 4 + byteCount(hi);
    this.ensure(n + 1);
    const buf = this.buf;
    let p = this.pos;
    buf[p++] = 256 - n;
    for (let s = (n - 1) * 8; s >= 32; s -= 8) buf[p++] = hi >>> (s - 32);
    for (let s = Math.min((n - 1) * 8, 24); s >= 0; s -= 8) buf[p++] = lo >>> s;
    this.pos = p;
  }

  /**
   * A signed integer, |i| < 2^52: "Within u, bits 1 upward contain the value; bit 0 says
   * whether they should be complemented upon receipt."
   */
  int(i: number): void {
    this.uint(i < 0 ? -i * 2 - 1 : i * 2);
  }

  /** A signed integer, -2^63 ≤ i < 2^63. */
  intBig(i: bigint): void {
    this.uintBig(i < 0n ? (-i << 1n) - 1n : i << 1n);
  }

  /** A signed integer given as a JS number of any magnitude within int64. */
  intNumber(i: number): void {
    if (i > -(2 ** 52) && i < 2 ** 52) this.int(i);
    else this.intBig(BigInt(i));
  }

  /** An unsigned integer given as a JS number of any magnitude within uint64. */
  uintNumber(x: number): void {
    if (x <= Number.MAX_SAFE_INTEGER) this.uint(x);
    else this.uintBig(BigInt(x));
  }

  /**
   * A float: "That value is converted to a uint64 using math.Float64bits. The uint64 is then
   * byte-reversed and sent as a regular unsigned integer." The byte-reversed value's
   * big-endian bytes are the float's little-endian bytes.
   */
  float(f: number): void {
    scratch.setFloat64(0, f, true);
    let k = 0;
    while (k < 8 && scratch.getUint8(k) === 0) k++;
    if (k === 8) {
      this.byte(0);
      return;
    }
    if (k === 7 && scratch.getUint8(7) < 0x80) {
      this.byte(scratch.getUint8(7));
      return;
    }
    this.ensure(9);
    this.buf[this.pos++] = 256 - (8 - k);
    for (let i = k; i < 8; i++) this.buf[this.pos++] = scratch.getUint8(i);
  }

  /** "Strings and slices of bytes are sent as an unsigned count followed by that many uninterpreted bytes." */
  string(s: string): void {
    if (s.length < 43) {
      // At most 3 UTF-8 bytes per UTF-16 unit: the count fits one byte. Write, then fill it in.
      this.ensure(1 + s.length * 3);
      const start = this.pos + 1;
      const end = utf8Write(s, this.buf, start);
      this.buf[this.pos] = end - start;
      this.pos = end;
      return;
    }
    const n = utf8Length(s);
    this.uint(n);
    this.ensure(n);
    this.pos = utf8Write(s, this.buf, this.pos);
  }

  bytesValue(b: Uint8Array): void {
    this.uint(b.length);
    this.raw(b);
  }

  /** Opens a count-delimited region: reserves its count and returns where it starts. */
  open(): number {
    this.byte(0);
    return this.pos - 1;
  }

  /** Closes the region opened at `at`: writes the count of the bytes after it. */
  close(at: number): void {
    const n = this.pos - at - 1;
    if (n < 0x80) {
      this.buf[at] = n;
      return;
    }
    // The count takes 1 + k bytes: move the region's bytes up by k.
    const k = n < two32 ? byteCount(n) : 5;
    this.ensure(k);
    this.buf.copyWithin(at + 1 + k, at + 1, this.pos);
    const end = this.pos + k;
    this.pos = at;
    this.uint(n);
    this.pos = end;
  }
}
