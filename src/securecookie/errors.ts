/**
 * The errors of the codec, with Go's texts and kinds.
 * Port of gorilla/securecookie v1.1.2 `securecookie.go`, its errors section (`Error`,
 * `errorType`, `cookieError`, the `var` block of errors, and the too-long error
 * `fmt.Errorf` formats), with the errors of Go's standard library it passes on as causes
 * (`encoding/base64.CorruptInputError`, `crypto/aes.KeySizeError`, Go 1.26).
 *
 * Each package-level error is a single instance, so `err === ErrMacInvalid` works as Go's
 * `err == ErrMacInvalid`.
 */

// Error, errorType, cookieError -----------------------------------------------------------

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

// The var block of errors -----------------------------------------------------------------

export const errGeneratingIV = new SecureCookieError("internal", "failed to generate random iv");

export const errNoCodecs = new SecureCookieError("usage", "no codecs provided");
export const errHashKeyNotSet = new SecureCookieError("usage", "hash key is not set");
export const errBlockKeyNotSet = new SecureCookieError("usage", "block key is not set");
export const errEncodedValueTooLong = new SecureCookieError("usage", "the value is too long");

export const errValueToDecodeTooLong = new SecureCookieError("decode", "the value is too long");
export const errTimestampInvalid = new SecureCookieError("decode", "invalid timestamp");
export const errTimestampTooNew = new SecureCookieError("decode", "timestamp is too new");
export const errTimestampExpired = new SecureCookieError("decode", "expired timestamp");
export const errDecryptionFailed = new SecureCookieError(
  "decode",
  "the value could not be decrypted",
);
export const errValueNotByte = new SecureCookieError("decode", "value not a []byte.");

/**
 * The cookie's MAC could not be extracted and verified (also: the cookie has not three
 * `|`-separated parts). Go keeps it public for legacy compatibility.
 */
export const ErrMacInvalid = new SecureCookieError("decode", "the value is not valid");

// The too-long error ----------------------------------------------------------------------

/**
 * The error of a cookie longer than `MaxLength`. Go returns
 * `fmt.Errorf("%s: %d", errEncodedValueTooLong, len(b))` (or `errValueToDecodeTooLong`), a
 * plain error: it has none of the `IsUsage()/IsDecode()/IsInternal()/Cause()` methods, so a
 * `MultiError` holding it does not count it as any kind. This class keeps that: `code` only
 * tells which of the two Go errors it formats.
 */
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

// Causes: Go's encoding/base64 and crypto/aes errors --------------------------------------

/**
 * Invalid base64 input.
 * Port of Go's `encoding/base64.CorruptInputError` (Go 1.26): the offset of the first byte
 * the decoder refused.
 */
export class CorruptInputError extends Error {
  override name = "CorruptInputError";
  readonly offset: number;

  constructor(offset: number) {
    super(`illegal base64 data at input byte ${offset}`);
    this.offset = offset;
  }
}

/**
 * An AES key of a length other than 16, 24 or 32 bytes.
 * Port of Go's `crypto/aes.KeySizeError` (Go 1.26).
 */
export class KeySizeError extends Error {
  override name = "KeySizeError";
  readonly size: number;

  constructor(size: number) {
    super(`crypto/aes: invalid key size ${size}`);
    this.size = size;
  }
}
