/**
 * One-call encoding: a value as a complete, fresh gob stream, as
 * `gob.NewEncoder(&buf).Encode(v)` writes it (gorilla/sessions' GobEncoder encodes
 * `&session.Values`, a `map[interface{}]interface{}`: pass a `Map`).
 */
import { Encoder, resetStream } from "./Encoder.ts";

/** One Encoder, its buffer kept warm between calls (a nested call, from a getter, makes its own). */
let idle: Encoder | null = null;

export function encode(value: unknown): Uint8Array {
  const enc = idle ?? new Encoder();
  idle = null;
  try {
    resetStream(enc);
    return enc.encode(value);
  } finally {
    idle = enc;
  }
}
