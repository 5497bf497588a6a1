/**
 * Store options from user options.
 * Port of hertz-contrib/sessions v1.0.3 `session_options.go` (`Options.ToGorillaOptions`).
 */
import type { Options } from "../sessions/Options.ts";

/** A fresh copy of the six cookie fields (a later change to `o` does not reach the store). */
export function toGorillaOptions(o: Options): Options {
  return {
    Path: o.Path,
    Domain: o.Domain,
    MaxAge: o.MaxAge,
    Secure: o.Secure,
    HttpOnly: o.HttpOnly,
    SameSite: o.SameSite,
  };
}
