/**
 * How cookie values become bytes and back.
 * Port of gorilla/securecookie v1.1.2 `securecookie.go` (`Serializer`): Go's
 * `Deserialize(src, dst) error` fills `dst`; here it returns the value. Both methods throw
 * where Go returns an error; `SecureCookie` wraps what they throw as Go does.
 */
export interface Serializer {
  Serialize(src: unknown): Uint8Array;
  Deserialize(src: Uint8Array): unknown;
}
