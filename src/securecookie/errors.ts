/**
 * The errors the codec raises, by Go's names and with Go's texts.
 * Port of gorilla/securecookie v1.1.2 `securecookie.go` (the `var` block of errors).
 *
 * Each is a single instance, so `err === ErrMacInvalid` works as Go's `err == ErrMacInvalid`.
 */
import { SecureCookieError } from "./SecureCookieError.ts";

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
