/**
 * The error of a cookie longer than `MaxLength`.
 * Port of gorilla/securecookie v1.1.2 `securecookie.go`: Go returns
 * `fmt.Errorf("%s: %d", errEncodedValueTooLong, len(b))` (or `errValueToDecodeTooLong`), a
 * plain error: it has none of the `IsUsage()/IsDecode()/IsInternal()/Cause()` methods, so a
 * `MultiError` holding it does not count it as any kind. This class keeps that: `code` only
 * tells which of the two Go errors it formats.
 */
import type { ErrorCode, SecureCookieError } from "./SecureCookieError.ts";

export class ValueTooLongError extends Error {
  override name = "ValueTooLongError";
  /** `"usage"` when Encode produced it, `"decode"` when Decode refused its input. */
  readonly code: ErrorCode;
  /** The length in bytes of the value that was too long. */
  readonly length: number;

  constructor(base: SecureCookieError, length: number) {
    super(`${base.message}: ${length}`);
    this.code = base.code;
    this.length = length;
  }
}
