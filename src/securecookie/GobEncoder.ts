/**
 * Cookie values as Go's encoding/gob (the default serializer).
 * Port of gorilla/securecookie v1.1.2 `securecookie.go` (`GobEncoder`).
 */
import { SecureCookieError } from "./SecureCookieError.ts";
import type { Serializer } from "./Serializer.ts";

export class GobEncoder implements Serializer {
  Serialize(_src: unknown): Uint8Array {
    throw new SecureCookieError("usage", "", new Error("gob: codec not available yet"));
  }

  Deserialize(_src: Uint8Array): unknown {
    throw new SecureCookieError("decode", "", new Error("gob: codec not available yet"));
  }
}
