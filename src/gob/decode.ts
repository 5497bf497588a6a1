/**
 * One-call decoding: the first value of a gob stream, as `gob.NewDecoder(r).Decode(&v)`
 * reads it; the bytes after that value are ignored, as Go leaves them unread.
 */
import type { DecoderOptions } from "./DecoderOptions.ts";
import { resolveOptions } from "./DecoderOptions.ts";
import { ValueDecoder } from "./ValueDecoder.ts";

export function decode(data: Uint8Array, options?: DecoderOptions): unknown {
  const e = new ValueDecoder(resolveOptions(options), true);
  e.data = data;
  return e.decodeNext();
}
