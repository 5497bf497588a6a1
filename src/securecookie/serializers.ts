/**
 * How cookie values become bytes and back.
 * Port of gorilla/securecookie v1.1.2 `securecookie.go`, its serializers section
 * (`Serializer`, `GobEncoder`, `JSONEncoder`, `NopEncoder`).
 */
import { decode, encode } from "../gob/index.ts";
import { asError } from "../internal/asError.ts";
import { marshalJSON } from "../internal/marshalJSON.ts";
import { errValueNotByte, SecureCookieError } from "./errors.ts";

// Serializer ------------------------------------------------------------------------------

/**
 * How cookie values become bytes and back.
 * Port of gorilla/securecookie v1.1.2 `securecookie.go` (`Serializer`): Go's
 * `Deserialize(src, dst) error` fills `dst`; here it returns the value. Both methods throw
 * where Go returns an error; `SecureCookie` wraps what they throw as Go does. Named
 * `ValueSerializer` here, apart from hertz's session serializer (`SessionSerializer`), and
 * exported under Go's name `Serializer` too.
 */
export interface ValueSerializer {
  Serialize(src: unknown): Uint8Array;
  Deserialize(src: Uint8Array): unknown;
}

// GobEncoder ------------------------------------------------------------------------------

/**
 * Cookie values as Go's encoding/gob (the default serializer).
 * Port of gorilla/securecookie v1.1.2 `securecookie.go` (`GobEncoder`): each value is one
 * fresh gob stream, as `gob.NewEncoder(buf).Encode(src)` writes it. A session is a `Map`
 * (Go's `map[interface{}]interface{}`); see the gob module for the type table.
 *
 * Errors are wrapped as Go wraps them: usage when serializing, decode when deserializing
 * (the cause is the gob module's `GobError`).
 */
export class GobEncoder implements ValueSerializer {
  Serialize(src: unknown): Uint8Array {
    try {
      return encode(src);
    } catch (e) {
      throw new SecureCookieError("usage", "", asError(e));
    }
  }

  Deserialize(src: Uint8Array): unknown {
    try {
      return decode(src);
    } catch (e) {
      throw new SecureCookieError("decode", "", asError(e));
    }
  }
}

// JSONEncoder -----------------------------------------------------------------------------

/**
 * Cookie values as JSON.
 * Port of gorilla/securecookie v1.1.2 `securecookie.go` (`JSONEncoder`): Serialize writes
 * what Go's `json.NewEncoder(buf).Encode(src)` writes (see `src/internal/marshalJSON.ts`);
 * Deserialize reads one JSON text (numbers become `number`, as Go's `interface{}` gets
 * `float64`).
 *
 * Errors are wrapped as Go wraps them (usage when serializing, decode when deserializing);
 * the innermost texts are Go's for what cannot be encoded, and JavaScript's `JSON.parse`
 * texts for malformed JSON (Go's `Decoder` would also accept trailing data after the value;
 * only a holder of the hash key can produce such a cookie).
 */
export class JSONEncoder implements ValueSerializer {
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

// NopEncoder ------------------------------------------------------------------------------

/**
 * Passes bytes through: for a value already serialized upstream.
 * Port of gorilla/securecookie v1.1.2 `securecookie.go` (`NopEncoder`).
 */
export class NopEncoder implements ValueSerializer {
  /** Returns `src` itself when it is a `Uint8Array`; throws Go's `errValueNotByte` otherwise. */
  Serialize(src: unknown): Uint8Array {
    if (src instanceof Uint8Array) return src;
    throw errValueNotByte;
  }

  /** Returns the bytes as they are (Go's `*dst = src`). */
  Deserialize(src: Uint8Array): Uint8Array {
    return src;
  }
}
