/**
 * One-call decoding: the first value of a gob stream, as `gob.NewDecoder(r).Decode(&v)`
 * reads it; the bytes after that value are ignored, as Go leaves them unread.
 */
import type { DecoderOptions } from "./DecoderOptions.ts";
import { resolveOptions } from "./DecoderOptions.ts";
import { ValueDecoder } from "./ValueDecoder.ts";

/** One engine, reused between calls (a nested call, from a getter, makes its own). */
let idle: ValueDecoder | null = null;

export function decode(data: Uint8Array, options?: DecoderOptions): unknown {
  const opts = resolveOptions(options);
  const e = idle ?? new ValueDecoder(opts, true);
  idle = null;
  try {
    e.reset(opts, data);
    return e.decodeNext();
  } finally {
    e.reset(opts, emptyInput);
    idle = e;
  }
}

const emptyInput = new Uint8Array(0);
