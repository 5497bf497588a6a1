/**
 * How the Redis stores turn session values into bytes.
 * Port of hertz-contrib/sessions v1.0.3 `serializer.go` (`Serializer`); the implementations
 * (`GobSerializer.ts`, `JSONSerializer.ts`, `MsgpackSerializer.ts`) live in their own files.
 *
 * Two interfaces are named `Serializer`, after their Go packages, and no file imports both:
 * - this one, hertz's session serializer, `Serialize(session)` / `Deserialize(data, session)`:
 *   a whole session's `Values` as the bytes a Redis key holds. The package root exports it
 *   (`import type { Serializer } from "hertz-sessions"`), as `RediStore.SetSerializer` takes it;
 * - `../securecookie/Serializer.ts`, gorilla/securecookie's value serializer,
 *   `Serialize(value)` / `Deserialize(bytes)`: one cookie value as the bytes a `SecureCookie`
 *   signs (`SecureCookie.SetSerializer`, from `hertz-sessions/securecookie`).
 */
import type { GorillaSession } from "../sessions/GorillaSession.ts";

/** Both methods throw where Go returns an error. */
export interface Serializer {
  /** The bytes of `ss.Values`. */
  Serialize(ss: GorillaSession): Uint8Array;
  /** Reads `d` into `ss.Values` (entries are added to those already there, as in Go). */
  Deserialize(d: Uint8Array, ss: GorillaSession): void;
}
