/**
 * Errors of the securecookie codec.
 * Port of gorilla/securecookie v1.1.2 `securecookie.go` (`Error`, `errorType`, `cookieError`).
 */

/** The kind of a codec error, as Go's `errorType` (usage / decode / internal). */
export type ErrorCode = "usage" | "decode" | "internal";

/**
 * Go's `securecookie.Error` interface: what every error of this module offers (besides
 * `ValueTooLongError`, which is a plain error in Go too).
 */
export interface SecureCookieErrorLike extends Error {
  /** The caller probably uses the codec incorrectly (no hash key, bad block key, ...). */
  IsUsage(): boolean;
  /** A cookie could not be decoded and validated: expected for untrusted input; reject it. */
  IsDecode(): boolean;
  /** An unexpected failure inside the codec (the random source failed). */
  IsInternal(): boolean;
  /** The error of the underlying library this one propagates, or null when raised here. */
  Cause(): Error | null;
}

/** True when `e` has Go's `securecookie.Error` methods (a `SecureCookieError` or `MultiError`). */
export function isSecureCookieErrorLike(e: unknown): e is SecureCookieErrorLike {
  return (
    e instanceof Error &&
    typeof (e as Partial<SecureCookieErrorLike>).IsUsage === "function" &&
    typeof (e as Partial<SecureCookieErrorLike>).IsDecode === "function" &&
    typeof (e as Partial<SecureCookieErrorLike>).IsInternal === "function" &&
    typeof (e as Partial<SecureCookieErrorLike>).Cause === "function"
  );
}

/**
 * Go's `cookieError`. The message is Go's `Error()` text:
 * `"securecookie: " + (msg || "error") + (cause ? " - caused by: " + cause : "")`.
 */
export class SecureCookieError extends Error implements SecureCookieErrorLike {
  override name = "SecureCookieError";
  readonly code: ErrorCode;
  /** Go's `msg` ("" when the error only wraps its cause). */
  readonly msg: string;

  constructor(code: ErrorCode, msg = "", cause: Error | null = null) {
    let text = `securecookie: ${msg === "" ? "error" : msg}`;
    if (cause !== null) text += ` - caused by: ${cause.message}`;
    super(text, cause === null ? undefined : { cause });
    this.code = code;
    this.msg = msg;
  }

  IsUsage(): boolean {
    return this.code === "usage";
  }

  IsDecode(): boolean {
    return this.code === "decode";
  }

  IsInternal(): boolean {
    return this.code === "internal";
  }

  Cause(): Error | null {
    return (this.cause as Error | undefined) ?? null;
  }
}
