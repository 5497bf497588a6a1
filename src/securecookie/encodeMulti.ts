/**
 * Port of gorilla/securecookie v1.1.2 `securecookie.go` (`EncodeMulti`).
 */
import { asError } from "../internal/asError.ts";
import type { Codec } from "./Codec.ts";
import { errNoCodecs } from "./errors.ts";
import { MultiError } from "./MultiError.ts";

/**
 * Encodes a cookie value using a group of codecs.
 *
 * The codecs are tried in order (the first that succeeds wins). Multiple codecs are
 * accepted to allow key rotation. Throws `errNoCodecs` without codecs, else a `MultiError`
 * holding each codec's error when all fail.
 */
export function EncodeMulti(name: string, value: unknown, ...codecs: Codec[]): string {
  return encodeWith(codecs, name, value);
}

/** `EncodeMulti` with the codecs in an array (no rest parameter to build per call). */
export function encodeWith(codecs: readonly Codec[], name: string, value: unknown): string {
  if (codecs.length === 0) throw errNoCodecs;
  let errors: Error[] | undefined;
  for (const codec of codecs) {
    try {
      return codec.Encode(name, value);
    } catch (e) {
      errors ??= [];
      errors.push(asError(e));
    }
  }
  throw new MultiError(errors!);
}
