/**
 * Port of hertz-contrib/sessions v1.0.3 `cookie/cookie.go` (`NewStore`).
 */
import type { Store } from "../sessions/Store.ts";
import { CookieStore } from "./CookieStore.ts";

/**
 * A cookie store: key pairs alternate hash key (HMAC, required) and block key (AES, `null`
 * for none), newest first, as securecookie's `CodecsFromPairs`. Defaults: `Path "/"`,
 * `MaxAge 86400*30`, codecs with MaxAge 86400*30.
 */
export function NewStore(...keyPairs: (Uint8Array | null | undefined)[]): Store {
  return new CookieStore(...keyPairs);
}
