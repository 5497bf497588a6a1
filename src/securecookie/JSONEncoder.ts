/**
 * Cookie values as JSON.
 * Port of gorilla/securecookie v1.1.2 `securecookie.go` (`JSONEncoder`): Serialize writes
 * what Go's `json.NewEncoder(buf).Encode(src)` writes (see `marshalJSON.ts`); Deserialize
 * reads one JSON text (numbers become `number`, as Go's `interface{}` gets `float64`).
 *
 * Errors are wrapped as Go wraps them (usage when serializing, decode when deserializing);
 * the innermost texts are Go's for what cannot be encoded, and JavaScript's `JSON.parse`
 * texts for malformed JSON (Go's `Decoder` would also accept trailing data after the value;
 * only a holder of the hash key can produce such a cookie).
 */
import { marshalJSON } from "../internal/marshalJSON.ts";
import { SecureCookieError } from "./SecureCookieError.ts";
import type { Serializer } from "./Serializer.ts";

export class JSONEncoder implements Serializer {
  Serialize(src: unknown): Uint8Array {
    try {
      return Buffer.from(marshalJSON(src), "utf8");
    } catch (e) {
      throw new SecureCookieError("usage", "", e as Error);
    }
  }

  Deserialize(src: Uint8Array): unknown {
    const text = Buffer.from(src.buffer, src.byteOffset, src.length).toString("utf8");
    try {
      // Go's Decoder reports an input without any value as io.EOF.
      if (/^[ \t\r\n]*$/.test(text)) throw new Error("EOF");
      return JSON.parse(text);
    } catch (e) {
      throw new SecureCookieError("decode", "", e as Error);
    }
  }
}
