/**
 * hertz-sessions/securecookie: a port of gorilla/securecookie v1.1.2.
 */
export {
  CorruptInputError,
  ErrMacInvalid,
  type ErrorCode,
  isSecureCookieErrorLike,
  KeySizeError,
  SecureCookieError,
  type SecureCookieErrorLike,
  ValueTooLongError,
} from "./errors.ts";
export type { HashName } from "./fast/Hmac.ts";
export { type Codec, CodecsFromPairs, DecodeMulti, EncodeMulti, MultiError } from "./multi.ts";
export { GenerateRandomKey, New, SecureCookie } from "./SecureCookie.ts";
export {
  GobEncoder,
  JSONEncoder,
  NopEncoder,
  type ValueSerializer as Serializer,
  type ValueSerializer,
} from "./serializers.ts";
