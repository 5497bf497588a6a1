/**
 * hertz-sessions/securecookie: a port of gorilla/securecookie v1.1.2.
 */
export type { Codec } from "./Codec.ts";
export { CorruptInputError } from "./CorruptInputError.ts";
export { CodecsFromPairs } from "./codecsFromPairs.ts";
export { DecodeMulti } from "./decodeMulti.ts";
export { EncodeMulti } from "./encodeMulti.ts";
export { ErrMacInvalid } from "./errors.ts";
export type { HashName } from "./fast/Hmac.ts";
export { GobEncoder } from "./GobEncoder.ts";
export { GenerateRandomKey } from "./generateRandomKey.ts";
export { JSONEncoder } from "./JSONEncoder.ts";
export { KeySizeError } from "./KeySizeError.ts";
export { MultiError } from "./MultiError.ts";
export { NopEncoder } from "./NopEncoder.ts";
export { New, SecureCookie } from "./SecureCookie.ts";
export {
  type ErrorCode,
  isSecureCookieErrorLike,
  SecureCookieError,
  type SecureCookieErrorLike,
} from "./SecureCookieError.ts";
export type { Serializer } from "./Serializer.ts";
export { ValueTooLongError } from "./ValueTooLongError.ts";
