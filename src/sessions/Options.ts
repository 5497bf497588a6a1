/**
 * Cookie options of a session.
 * Port of hertz-contrib/sessions v1.0.3 `session_options.go` and gorilla/sessions v1.2.2
 * `options.go`; `SameSite` mirrors Go's `net/http.SameSite` (same numeric values).
 */

/** Go's `http.SameSite`. The zero value (absent) writes no SameSite attribute. */
export const SameSite = {
  /** `SameSite` with no value, as Go's `http.SameSiteDefaultMode`. */
  DefaultMode: 1,
  LaxMode: 2,
  StrictMode: 3,
  NoneMode: 4,
} as const;

/** One of the `SameSite` modes: `SameSite.LaxMode` or its number, as in Go. */
export type SameSite = (typeof SameSite)[keyof typeof SameSite];

/**
 * A missing field is Go's zero value (`""`, `0`, `false`).
 * - `MaxAge = 0`: a session cookie (no `Max-Age`, no `Expires`).
 * - `MaxAge < 0`: delete now (`Max-Age=0`, `Expires` at Unix second 1).
 * - `MaxAge > 0`: `Max-Age` in seconds and `Expires` now + MaxAge.
 */
export interface Options {
  Path?: string;
  Domain?: string;
  MaxAge?: number;
  Secure?: boolean;
  HttpOnly?: boolean;
  SameSite?: SameSite;
}
