/**
 * One-call encoding: a value as a complete, fresh gob stream, as
 * `gob.NewEncoder(&buf).Encode(v)` writes it (gorilla/sessions' GobEncoder encodes
 * `&session.Values`, a `map[interface{}]interface{}`: pass a `Map`).
 */
import { Encoder } from "./Encoder.ts";

export function encode(value: unknown): Uint8Array {
  return new Encoder().encode(value);
}
