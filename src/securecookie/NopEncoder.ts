/**
 * Passes bytes through: for a value already serialized upstream.
 * Port of gorilla/securecookie v1.1.2 `securecookie.go` (`NopEncoder`).
 */
import { errValueNotByte } from "./errors.ts";
import type { Serializer } from "./Serializer.ts";

export class NopEncoder implements Serializer {
  /** Returns `src` itself when it is a `Uint8Array`; throws Go's `errValueNotByte` otherwise. */
  Serialize(src: unknown): Uint8Array {
    if (src instanceof Uint8Array) return src;
    throw errValueNotByte;
  }

  /** Returns the bytes as they are (Go's `*dst = src`). */
  Deserialize(src: Uint8Array): Uint8Array {
    return src;
  }
}
