/**
 * Port of hertz-contrib/sessions v1.0.3 `cookie/cookie.go` (`NewStore`).
 */
import type { Store } from "../sessions/Store.ts";
import { CookieStore } from "./CookieStore.ts";

/**
 * A cookie store: key pairs alternate hash key (HMAC, required) and block key (AES, `null`
 * for none), newest first, as securecookie's `CodecsFromPairs`. Defaults: `Path "/"`,
 * `MaxAge 86400*30`, codecs with MaxAge 86400*30. Throws a `SessionsTypeError`
 * (`ERR_INVALID_CONFIG`) without key pairs, for an empty hash key or a block key that is not
 * 16, 24 or 32 bytes (Go fails on the first Encode/Decode instead); warns once per process
 * about a hash key shorter than 32 bytes.
 */
export function NewStore(...keyPairs: (Uint8Array | null | undefined)[]): Store {
  return new CookieStore(...keyPairs);
}
