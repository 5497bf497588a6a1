/**
 * Bytes for ioredis: it sends a `Buffer` argument as raw bytes but stringifies a plain
 * `Uint8Array` ("1,2,3"), so serializer output is viewed as a `Buffer` (no copy).
 */
export function asBuffer(b: Uint8Array): Buffer {
  return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}
