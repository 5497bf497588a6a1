/**
 * Cookie values as Go's encoding/gob (the default serializer).
 * Port of gorilla/securecookie v1.1.2 `securecookie.go` (`GobEncoder`): each value is one
 * fresh gob stream, as `gob.NewEncoder(buf).Encode(src)` writes it. A session is a `Map`
 * (Go's `map[interface{}]interface{}`); see the gob module for the type table.
 *
 * Errors are wrapped as Go wraps them: usage when serializing, decode when deserializing
 * (the cause is the gob module's `GobError`).
 */

import { decode, encode } from "../gob/index.ts";
import { asError } from "../internal/asError.ts";
import { SecureCookieError } from "./SecureCookieError.ts";
import type { Serializer } from "./Serializer.ts";

export class GobEncoder implements Serializer {
  Serialize(src: unknown): Uint8Array {
    try {
      return encode(src);
    } catch (e) {
      throw new SecureCookieError("usage", "", asError(e));
    }
  }

  Deserialize(src: Uint8Array): unknown {
    try {
      return decode(src);
    } catch (e) {
      throw new SecureCookieError("decode", "", asError(e));
    }
  }
}
