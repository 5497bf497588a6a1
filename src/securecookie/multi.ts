/**
 * Several codecs, for key rotation.
 * Port of gorilla/securecookie v1.1.2 `securecookie.go`: `Codec` and `CodecsFromPairs`
 * (its codecs section), and `MultiError`, `EncodeMulti`, `DecodeMulti` (its multi-codec
 * section).
 */
import { asError } from "../internal/asError.ts";
import { errNoCodecs, isSecureCookieErrorLike, type SecureCookieErrorLike } from "./errors.ts";
import { New, type SecureCookie } from "./SecureCookie.ts";

// Codec -----------------------------------------------------------------------------------

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

// CodecsFromPairs -------------------------------------------------------------------------

/**
 * Returns one SecureCookie per key pair, for key rotation: the arguments alternate hash
 * key, block key (`null`/`undefined` for none); a missing last block key means none.
 *
 * The codecs have the default options; change them on each codec:
 *
 *     const codecs = CodecsFromPairs(newHash, newBlock, oldHash, oldBlock);
 *     for (const c of codecs) c.MaxAge(86400 * 7).SetSerializer(new JSONEncoder());
 */
export function CodecsFromPairs(...keyPairs: Array<Uint8Array | null | undefined>): SecureCookie[] {
  const codecs: SecureCookie[] = [];
  for (let i = 0; i < keyPairs.length; i += 2) {
    const blockKey = i + 1 < keyPairs.length ? keyPairs[i + 1] : null;
    codecs.push(New(keyPairs[i], blockKey ?? null));
  }
  return codecs;
}

// EncodeMulti, DecodeMulti ----------------------------------------------------------------

/**
 * Encodes a cookie value using a group of codecs.
 *
 * The codecs are tried in order (the first that succeeds wins). Multiple codecs are
 * accepted to allow key rotation. Throws `errNoCodecs` without codecs, else a `MultiError`
 * holding each codec's error when all fail.
 */
export function EncodeMulti(name: string, value: unknown, ...codecs: Codec[]): string {
  return encodeWith(codecs, name, value);
}

/** `EncodeMulti` with the codecs in an array (no rest parameter to build per call). */
export function encodeWith(codecs: readonly Codec[], name: string, value: unknown): string {
  if (codecs.length === 0) throw errNoCodecs;
  let errors: Error[] | undefined;
  for (const codec of codecs) {
    try {
      return codec.Encode(name, value);
    } catch (e) {
      errors ??= [];
      errors.push(asError(e));
    }
  }
  throw new MultiError(errors!);
}

/**
 * Decodes a cookie value using a group of codecs and returns the value.
 *
 * The codecs are tried in order. Multiple codecs are accepted to allow key rotation.
 * Throws `errNoCodecs` without codecs, else a `MultiError` holding each codec's error when
 * all fail.
 */
export function DecodeMulti(name: string, value: string, ...codecs: Codec[]): unknown {
  return decodeWith(codecs, name, value);
}

/** `DecodeMulti` with the codecs in an array (no rest parameter to build per call). */
export function decodeWith(codecs: readonly Codec[], name: string, value: string): unknown {
  if (codecs.length === 0) throw errNoCodecs;
  let errors: Error[] | undefined;
  for (const codec of codecs) {
    try {
      return codec.Decode(name, value);
    } catch (e) {
      errors ??= [];
      errors.push(asError(e));
    }
  }
  throw new MultiError(errors!);
}

// MultiError ------------------------------------------------------------------------------

/**
 * The errors of every codec `EncodeMulti`/`DecodeMulti` tried.
 * Port of gorilla/securecookie v1.1.2 `securecookie.go` (`MultiError`).
 */
export class MultiError extends Error implements SecureCookieErrorLike {
  override name = "MultiError";
  readonly errors: ReadonlyArray<Error | null>;

  /**
   * The message is Go's: the first non-null error's text, then `" (and 1 other error)"` or
   * `" (and N other errors)"`; `"(0 errors)"` when there is none.
   */
  constructor(errors: ReadonlyArray<Error | null>) {
    super(MultiError.text(errors));
    this.errors = errors;
  }

  private static text(errors: ReadonlyArray<Error | null>): string {
    let s = "";
    let n = 0;
    for (const e of errors) {
      if (e !== null) {
        if (n === 0) s = e.message;
        n++;
      }
    }
    switch (n) {
      case 0:
        return "(0 errors)";
      case 1:
        return s;
      case 2:
        return `${s} (and 1 other error)`;
    }
    return `${s} (and ${n - 1} other errors)`;
  }

  /** True when any of the errors is a usage error (as Go, any error, not only the first). */
  IsUsage(): boolean {
    return this.any((e) => e.IsUsage());
  }

  IsDecode(): boolean {
    return this.any((e) => e.IsDecode());
  }

  IsInternal(): boolean {
    return this.any((e) => e.IsInternal());
  }

  /** Always null: there is no unique underlying cause; iterate `errors` instead. */
  Cause(): Error | null {
    return null;
  }

  /** True when an element has Go's `securecookie.Error` methods and `pred` holds for it. */
  private any(pred: (e: SecureCookieErrorLike) => boolean): boolean {
    for (const e of this.errors) {
      if (isSecureCookieErrorLike(e) && pred(e)) return true;
    }
    return false;
  }
}
