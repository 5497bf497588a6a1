/**
 * Port of gorilla/securecookie v1.1.2 `securecookie.go` (`DecodeMulti`).
 */
import { asError } from "../internal/asError.ts";
import type { Codec } from "./Codec.ts";
import { errNoCodecs } from "./errors.ts";
import { MultiError } from "./MultiError.ts";

/**
 * Decodes a cookie value using a group of codecs and returns the value.
 *
 * The codecs are tried in order. Multiple codecs are accepted to allow key rotation.
 * Throws `errNoCodecs` without codecs, else a `MultiError` holding each codec's error when
 * all fail.
 */
export function DecodeMulti(name: string, value: string, ...codecs: Codec[]): unknown {
  return decodeWith(codecs, name, value);
}

/** `DecodeMulti` with the codecs in an array (no rest parameter to build per call). */
export function decodeWith(codecs: readonly Codec[], name: string, value: string): unknown {
  if (codecs.length === 0) throw errNoCodecs;
  let errors: Error[] | undefined;
  for (const codec of codecs) {
    try {
      return codec.Decode(name, value);
    } catch (e) {
      errors ??= [];
      errors.push(asError(e));
    }
  }
  throw new MultiError(errors!);
}
