/**
 * Session options from user options.
 * Port of hertz-contrib/sessions v1.0.3 `session_options.go` (`Options.ToGorillaOptions`).
 */
import type { Options } from "./Options.ts";

/** A fresh copy of the six cookie fields, missing ones as Go's zero values. */
export function toGorillaOptions(o: Options): Options {
  return {
    Path: o.Path ?? "",
    Domain: o.Domain ?? "",
    MaxAge: o.MaxAge ?? 0,
    Secure: o.Secure ?? false,
    HttpOnly: o.HttpOnly ?? false,
    SameSite: o.SameSite,
  };
}
