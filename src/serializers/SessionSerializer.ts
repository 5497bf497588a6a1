/**
 * How the Redis stores turn session values into bytes.
 * Port of hertz-contrib/sessions v1.0.3 `serializer.go` (`Serializer`); the implementations
 * (`GobSerializer.ts`, `JSONSerializer.ts`, `MsgpackSerializer.ts`) live in their own files.
 *
 * Go has two interfaces named `Serializer`; here each has a name of its own, and each module
 * also exports it under Go's name:
 * - `SessionSerializer` (this one, hertz's `sessions.Serializer`), `Serialize(session)` /
 *   `Deserialize(data, session)`: a whole session's `Values` as the bytes a Redis key holds,
 *   what `RediStore.SetSerializer` takes (`import type { Serializer } from "hertz-sessions"`);
 * - `ValueSerializer` (`../securecookie/serializers.ts`, gorilla's `securecookie.Serializer`),
 *   `Serialize(value)` / `Deserialize(bytes)`: one cookie value as the bytes a `SecureCookie`
 *   signs (`SecureCookie.SetSerializer`, from `hertz-sessions/securecookie`).
 */
import type { GorillaSession } from "../sessions/GorillaSession.ts";

/** Both methods throw where Go returns an error. */
export interface SessionSerializer {
  /** The bytes of `ss.Values`. */
  Serialize(ss: GorillaSession): Uint8Array;
  /** Reads `d` into `ss.Values` (entries are added to those already there, as in Go). */
  Deserialize(d: Uint8Array, ss: GorillaSession): void;
}
