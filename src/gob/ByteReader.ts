/**
 * Reads gob's primitive encodings from the current message, never past its end.
 *
 * Port of `decBuffer`, `decodeUint`, `decodeInt`, `getLength`, `float64FromBits` of Go 1.26
 * encoding/gob decode.go. Every length is checked against the bytes actually left in the
 * message before anything is read or allocated.
 */
import { GobError } from "./GobError.ts";
import { asciiDecode, isValidUtf8, maxShortString, shortAscii, utf8Decode } from "./utf8.ts";

const two32 = 2 ** 32;
const scratch = new DataView(new ArrayBuffer(8));
const empty = new Uint8Array(0);

/**
 * A Uint8Array of its own holding bytes start..end of `data` (the input may be a Buffer, whose
 * `slice` is a view into memory that Node's pool hands out again).
 */
export function copyOf(data: Uint8Array, start: number, end: number): Uint8Array {
  const out = new Uint8Array(end - start);
  out.set(data.subarray(start, end));
  return out;
}

export function decodeError(message: string): GobError {
  return new GobError("decode", message);
}

export class ByteReader {
  data: Uint8Array = empty;
  pos = 0;
  /** The end of the current message. */
  end = 0;
  /** The bytes of the string read last, when they were not valid UTF-8. */
  invalidUtf8: Uint8Array | undefined = undefined;

  /** Bytes left in the current message. */
  get left(): number {
    return this.end - this.pos;
  }

  /** Reads the length byte of an unsigned integer and checks the bytes it announces. */
  private uintLength(): number {
    if (this.pos >= this.end) throw decodeError("unexpected EOF");
    const b = this.data[this.pos++];
    if (b < 0x80) return -1 - b;
    const n = 256 - b;
    if (n > 8) throw decodeError("encoded unsigned integer out of range");
    if (this.end - this.pos < n) {
      throw decodeError(`invalid uint data length ${n}: exceeds input size ${this.end - this.pos}`);
    }
    return n;
  }

  /** An unsigned integer used as a count, delta or id: exact up to 2^53, rounded above. */
  uint(): number {
    if (this.pos < this.end && this.data[this.pos] < 0x80) return this.data[this.pos++];
    const n = this.uintLength();
    if (n < 0) return -1 - n;
    let x = 0;
    for (let i = 0; i < n; i++) x = x * 256 + this.data[this.pos++];
    return x;
  }

  /** An unsigned integer value: a number when ≤ 2^53 - 1, else a bigint. */
  uintValue(): number | bigint {
    const n = this.uintLength();
    if (n < 0) return -1 - n;
    const d = this.data;
    let p = this.pos;
    let hi = 0;
    for (let i = 4; i < n; i++) hi = hi * 256 + d[p++];
    let lo = 0;
    for (let i = Math.min(n, 4); i > 0; i--) lo = lo * 256 + d[p++];
    this.pos = p;
    if (hi < 0x200000) return hi * two32 + lo;
    return (BigInt(hi) << 32n) | BigInt(lo);
  }

  /** A signed integer value: a number when safe, else a bigint. */
  intValue(): number | bigint {
    if (this.pos < this.end) {
      const b = this.data[this.pos];
      if (b < 0x80) {
        this.pos++;
        return b & 1 ? -((b + 1) >> 1) : b >> 1;
      }
    }
    const u = this.uintValue();
    if (typeof u === "number") return u % 2 === 1 ? -(u + 1) / 2 : u / 2;
    const i = u & 1n ? -(u >> 1n) - 1n : u >> 1n;
    return i >= -0x1fffffffffffffn && i <= 0x1fffffffffffffn ? Number(i) : i;
  }

  /** A signed integer used as a type id or delta: exact for |i| < 2^52. */
  int(): number {
    const u = this.uint();
    return u % 2 === 1 ? -(u + 1) / 2 : u / 2;
  }

  /** A float: the byte-reversed bits of a float64, sent as an unsigned integer. */
  float(): number {
    const n = this.uintLength();
    if (n < 0) {
      scratch.setFloat64(0, 0);
      scratch.setUint8(7, -1 - n);
      return scratch.getFloat64(0, true);
    }
    scratch.setFloat64(0, 0);
    for (let i = 8 - n; i < 8; i++) scratch.setUint8(i, this.data[this.pos++]);
    return scratch.getFloat64(0, true);
  }

  /** getLength: a count of bytes that must all be present in the message. */
  length(what: string): number {
    const n = this.uint();
    if (n > this.end - this.pos) {
      throw decodeError(`invalid ${what} length ${n}: exceeds input size ${this.end - this.pos}`);
    }
    return n;
  }

  /** A string: an unsigned count followed by that many bytes (UTF-8). */
  string(): string {
    const n = this.length("string");
    const d = this.data;
    const start = this.pos;
    const end = start + n;
    this.pos = end;
    let i = start;
    if (n <= maxShortString) {
      let h = n;
      for (; i < end; i++) {
        const c = d[i];
        if (c >= 0x80) break;
        h = (h * 31 + c) | 0;
      }
      if (i === end) {
        this.invalidUtf8 = undefined;
        return shortAscii(d, start, n, h);
      }
    }
    while (i < end && d[i] < 0x80) i++;
    if (i === end) {
      // ASCII, the usual case: valid UTF-8 by construction.
      this.invalidUtf8 = undefined;
      return asciiDecode(d, start, end);
    }
    const s = utf8Decode(this.data, start, this.pos);
    // U+FFFD in the result: either sent as such, or standing for bytes that were not UTF-8.
    this.invalidUtf8 =
      s.indexOf("\uFFFD") >= 0 && !isValidUtf8(this.data, start, this.pos)
        ? copyOf(this.data, start, this.pos)
        : undefined;
    return s;
  }

  /** A byte slice: an unsigned count followed by that many bytes (copied out). */
  bytes(): Uint8Array {
    const n = this.length("[]byte");
    const start = this.pos;
    this.pos += n;
    return copyOf(this.data, start, this.pos);
  }
}
