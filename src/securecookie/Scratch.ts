/**
 * A working buffer reused by synchronous steps (a MAC's message, a cookie's signed bytes):
 * no allocation per cookie. It grows on demand and keeps at most `KEEP` bytes; a bigger
 * request gets a buffer of its own, dropped after its call.
 */
const KEEP = 8192;

export class Scratch {
  private buf: Buffer;

  constructor(size = 1024) {
    this.buf = Buffer.allocUnsafeSlow(size);
  }

  /** A buffer of at least `size` bytes, whose content is undefined. */
  get(size: number): Buffer {
    if (size <= this.buf.length) return this.buf;
    const buf = Buffer.allocUnsafeSlow(size);
    if (size <= KEEP) this.buf = buf;
    return buf;
  }
}
