/**
 * Limits of a decoder, for untrusted input: a cookie is at most 4096 bytes, a Redis value
 * rarely more than a few KiB, so the defaults leave ample room while bounding what a hostile
 * stream can cost. Exceeding one is a {@link GobError} with code `limit`.
 */
import { GobError } from "./GobError.ts";

export interface DecoderOptions {
  /** Largest message, in bytes (the count that precedes each message). Default 1 MiB. */
  maxMessageSize?: number;
  /**
   * Deepest nesting of values: each slice, array, map, struct and interface value is one
   * level. Default 64.
   */
  maxDepth?: number;
  /** Most type definitions one stream may send. Default 1024. */
  maxTypeDefs?: number;
}

export const decoderDefaults: Required<DecoderOptions> = {
  maxMessageSize: 1 << 20,
  maxDepth: 64,
  maxTypeDefs: 1024,
};

export function resolveOptions(options: DecoderOptions | undefined): Required<DecoderOptions> {
  if (options === undefined) return decoderDefaults;
  const out = { ...decoderDefaults };
  for (const k of Object.keys(decoderDefaults) as (keyof DecoderOptions)[]) {
    const v = options[k];
    if (v === undefined) continue;
    if (!Number.isSafeInteger(v) || v < 1) throw new GobError("usage", `invalid option ${k}: ${v}`);
    out[k] = v;
  }
  return out;
}
