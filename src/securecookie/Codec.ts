/**
 * Something that encodes and decodes cookie values (a `SecureCookie`, or a user's own).
 * Port of gorilla/securecookie v1.1.2 `securecookie.go` (`Codec`): Go's `Decode(name, value,
 * dst) error` fills `dst`; here `Decode` returns the value. Both throw where Go returns an
 * error.
 */
export interface Codec {
  Encode(name: string, value: unknown): string;
  Decode(name: string, value: string): unknown;
}
