/**
 * Authenticated and optionally encrypted cookie values.
 * Port of gorilla/securecookie v1.1.2 `securecookie.go` (`New`, `SecureCookie`, `Encode`,
 * `Decode`, `encrypt`/`decrypt`, `encode`/`decode`).
 *
 * Wire format (what Go reads and writes, byte for byte):
 *
 *     cookie = base64url( date "|" base64url(payload) "|" mac )
 *     mac    = HMAC-hash(hashKey, name "|" date "|" base64url(payload))
 *
 * with `date` the Unix time in decimal seconds, base64url Go's padded `URLEncoding`, and
 * `payload` the serialized value, or with a block key the AES-CTR ciphertext of it
 * prefixed by its random 16-byte IV.
 *
 * Go returns errors; here `Encode` and `Decode` throw them (the same instances for Go's
 * package-level errors, so `err === ErrMacInvalid` works).
 */
import { randomFillSync } from "node:crypto";
import { asError } from "../internal/asError.ts";
import { encodedLen, urlDecode, urlDecodeStringInto, urlEncode } from "./base64.ts";
import {
  ErrMacInvalid,
  errBlockKeyNotSet,
  errDecryptionFailed,
  errEncodedValueTooLong,
  errGeneratingIV,
  errHashKeyNotSet,
  errTimestampExpired,
  errTimestampInvalid,
  errTimestampTooNew,
  errValueToDecodeTooLong,
  SecureCookieError,
  ValueTooLongError,
} from "./errors.ts";
import { AesBlock } from "./fast/AesBlock.ts";
import { type HashName, Hmac } from "./fast/Hmac.ts";
import type { Codec } from "./multi.ts";
import { GobEncoder, type ValueSerializer } from "./serializers.ts";

const PIPE = 0x7c; // '|'

/**
 * Returns a new SecureCookie.
 *
 * `hashKey` is required, used to authenticate values using HMAC. Create it using
 * `GenerateRandomKey()`. It is recommended to use a key with 32 or 64 bytes. An empty or
 * missing key makes every Encode and Decode fail with "hash key is not set".
 *
 * `blockKey` is optional, used to encrypt values. Its length selects AES-128, AES-192 or
 * AES-256 (16, 24 or 32 bytes); another length (an empty key too: only `null`/`undefined`
 * mean "none") makes every Encode and Decode fail with Go's error
 * ("securecookie: error - caused by: crypto/aes: invalid key size N").
 *
 * Defaults: MaxAge 86400*30 seconds, MinAge 0, MaxLength 4096, HMAC-SHA256, GobEncoder.
 */
export function New(
  hashKey: Uint8Array | null | undefined,
  blockKey: Uint8Array | null = null,
): SecureCookie {
  return new SecureCookie(hashKey, blockKey);
}

export class SecureCookie implements Codec {
  private readonly hashKey: Uint8Array | null;
  private hashFunc: HashName = "sha256";
  private mac: Hmac;
  private readonly blockKey: Uint8Array | null;
  private block: AesBlock | null = null;
  private maxLength = 4096;
  private maxAge = 86400 * 30;
  private minAge = 0;
  private err: Error | null = null;
  private sz: ValueSerializer = new GobEncoder();
  /**
   * The current Unix time in seconds; for tests. When null (the default) it is the
   * system clock, as Go's `timeFunc`.
   */
  timeFunc: (() => number) | null = null;

  /** Go's `New`; prefer the `New` function. */
  constructor(hashKey: Uint8Array | null | undefined, blockKey: Uint8Array | null = null) {
    this.hashKey = hashKey ?? null;
    this.blockKey = blockKey ?? null;
    this.mac = new Hmac(this.hashFunc, this.hashKey ?? new Uint8Array(0));
    if (this.hashKey === null || this.hashKey.length === 0) {
      this.err = errHashKeyNotSet;
    }
    if (this.blockKey !== null) this.setBlock();
  }

  /**
   * Restricts the maximum length, in bytes, for the cookie value.
   *
   * Default is 4096, which is the maximum value accepted by Internet Explorer. 0 means no
   * limit.
   */
  MaxLength(value: number): this {
    this.maxLength = integer("MaxLength", value);
    return this;
  }

  /**
   * Restricts the maximum age, in seconds, for the cookie value.
   *
   * Default is 86400 * 30. Set it to 0 for no restriction.
   */
  MaxAge(value: number): this {
    this.maxAge = integer("MaxAge", value);
    return this;
  }

  /**
   * Restricts the minimum age, in seconds, for the cookie value.
   *
   * Default is 0 (no restriction).
   */
  MinAge(value: number): this {
    this.minAge = integer("MinAge", value);
    return this;
  }

  /**
   * Sets the hash function used to create HMAC, by name (Go passes a constructor such as
   * `sha512.New`).
   *
   * Default is `"sha256"`. Throws a `TypeError` for a hash HMAC cannot use here.
   */
  HashFunc(hash: HashName): this {
    this.mac = new Hmac(hash, this.hashKey ?? new Uint8Array(0));
    this.hashFunc = hash;
    return this;
  }

  /**
   * Sets the encoding/serialization method for cookies.
   *
   * Default is `GobEncoder` (Go's encoding/gob).
   */
  SetSerializer(sz: ValueSerializer): this {
    this.sz = sz;
    return this;
  }

  /** Go's `BlockFunc(aes.NewCipher)`, as `New` calls it when a block key is given. */
  private setBlock(): void {
    if (this.blockKey === null) {
      this.err = errBlockKeyNotSet;
      return;
    }
    try {
      this.block = new AesBlock(this.blockKey);
    } catch (e) {
      this.err = new SecureCookieError("usage", "", e as Error);
    }
  }

  /**
   * Encodes a cookie value.
   *
   * It serializes, optionally encrypts, signs with a message authentication code, and
   * finally encodes the value.
   *
   * The name argument is the cookie name. It is stored with the encoded value. The value
   * argument is the value to be encoded. It can be any value that can be encoded using the
   * currently selected serializer; see `SetSerializer()`.
   *
   * It is the client's responsibility to ensure that value, when encoded using the current
   * serialization/encryption settings on s and then base64-encoded, is shorter than the
   * maximum permissible length.
   */
  Encode(name: string, value: unknown): string {
    if (this.err !== null) throw this.err;
    if (this.hashKey === null) {
      this.err = errHashKeyNotSet;
      throw this.err;
    }
    let b: Uint8Array;
    // 1. Serialize.
    try {
      b = this.sz.Serialize(value);
    } catch (e) {
      throw new SecureCookieError("usage", "", asError(e));
    }
    // 2. Encrypt (optional).
    if (this.block !== null) {
      try {
        b = encrypt(this.block, b);
      } catch (e) {
        throw new SecureCookieError("usage", "", asError(e));
      }
    }
    // 3. Create MAC for "name|date|value".
    // Written as bytes "date|value" right after "name|" in the MAC's message buffer, then
    // "|" and the MAC after them.
    const date = String(this.timestamp());
    const signedLength = date.length + 1 + encodedLen(b.length);
    const length = signedLength + 1 + this.mac.size;
    const at = this.mac.prepare(name, length);
    const out = this.mac.message;
    out.write(date, at, "latin1");
    out[at + date.length] = PIPE;
    out.write(urlEncode(b), at + date.length + 1, "latin1");
    // Append mac (the pipe after hashing: the padding overwrote it), remove name.
    this.mac.sumMessage(signedLength, out, at + signedLength + 1);
    out[at + signedLength] = PIPE;
    // 4. Encode to base64.
    const cookie = urlEncode(out, at, at + length);
    // 5. Check length.
    if (this.maxLength !== 0 && cookie.length > this.maxLength) {
      throw new ValueTooLongError(errEncodedValueTooLong, cookie.length);
    }
    // Done.
    return cookie;
  }

  /**
   * Decodes a cookie value and returns it.
   *
   * It decodes, verifies a message authentication code, optionally decrypts and finally
   * deserializes the value.
   *
   * The name argument is the cookie name. It must be the same name used when it was
   * stored. The value argument is the encoded cookie value.
   */
  Decode(name: string, value: string): unknown {
    if (this.err !== null) throw this.err;
    if (this.hashKey === null) {
      this.err = errHashKeyNotSet;
      throw this.err;
    }
    // 1. Check length (in bytes, as Go's len: a UTF-16 unit is at most 3 UTF-8 bytes).
    if (this.maxLength !== 0 && value.length * 3 > this.maxLength) {
      const n = Buffer.byteLength(value);
      if (n > this.maxLength) throw new ValueTooLongError(errValueToDecodeTooLong, n);
    }
    // 2. Decode from base64, right after "name|" in the MAC's message buffer: the MAC is
    // verified where the bytes lie.
    const at = this.mac.prepare(name, value.length);
    const b = this.mac.message;
    const end = at + decode(value, b, at);
    // 3. Verify MAC. Value is "date|value|mac".
    const datePipe = pipeIn(b, at, end);
    const macPipe = datePipe < 0 ? -1 : pipeIn(b, datePipe + 1, end);
    if (macPipe < 0) throw ErrMacInvalid;
    verifyMac(this.mac, b, at, macPipe, end);
    // 4. Verify date ranges.
    const t1 = parseInt64(b, at, datePipe);
    if (t1 === null) throw errTimestampInvalid;
    const t2 = this.timestamp();
    if (this.minAge !== 0 && after(t1, t2, this.minAge)) throw errTimestampTooNew;
    if (this.maxAge !== 0 && before(t1, t2, this.maxAge)) throw errTimestampExpired;
    // 5. Decrypt (optional).
    const payload = decodeValue(b, datePipe + 1, macPipe);
    const start = this.block === null ? 0 : decrypt(this.block, payload);
    // 6. Deserialize (a plain Uint8Array view, Go's []byte: no Buffer leaks into values).
    try {
      return this.sz.Deserialize(
        new Uint8Array(payload.buffer, payload.byteOffset + start, payload.length - start),
      );
    } catch (e) {
      throw new SecureCookieError("decode", "", asError(e));
    }
  }

  /**
   * The current timestamp, in seconds: `timeFunc()` when set, else the system clock.
   */
  private timestamp(): number {
    return this.timeFunc === null ? Math.floor(Date.now() / 1000) : this.timeFunc();
  }
}

// Helpers ---------------------------------------------------------------------

/**
 * Creates a random key with the given length in bytes. On failure, returns null.
 *
 * Keys created using `GenerateRandomKey()` are not automatically persisted. New keys will
 * be created when the application is restarted, and previously issued cookies will not be
 * able to be decoded.
 *
 * Callers should explicitly check for the possibility of a null return, treat it as a
 * failure of the system random number generator, and not continue.
 */
export function GenerateRandomKey(length: number): Uint8Array | null {
  try {
    return randomFillSync(Buffer.alloc(length));
  } catch {
    return null;
  }
}

function integer(what: string, value: number): number {
  if (!Number.isSafeInteger(value)) {
    throw new TypeError(`securecookie: ${what} must be an integer, got ${value}`);
  }
  return value;
}

// Timestamps ------------------------------------------------------------------

// Go's `strconv.ParseInt(s, 10, 64)` over the cookie's bytes: step 4 of Decode.
// Port of Go's `strconv/atoi.go` (Go 1.26) for base 10: an optional `+` or `-`, then one or
// more ASCII digits (no underscores in base 10), in the int64 range.

const MAX_SAFE_DIGITS = 15; // every 15-digit number is a safe integer

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

/**
 * The int64 `src[start:end]` spells: a `number` when it is a safe integer, a `bigint`
 * beyond; `null` where Go's `ParseInt` returns an error (syntax or range).
 */
export function parseInt64(src: Uint8Array, start: number, end: number): number | bigint | null {
  let i = start;
  let neg = false;
  if (i < end && (src[i] === 0x2b || src[i] === 0x2d)) {
    neg = src[i] === 0x2d;
    i++;
  }
  if (i === end) return null;
  let n = 0;
  const digitsEnd = Math.min(end, i + MAX_SAFE_DIGITS);
  for (; i < digitsEnd; i++) {
    const d = src[i] - 0x30;
    if (d < 0 || d > 9) return null;
    n = n * 10 + d;
  }
  if (i === end) return neg ? 0 - n : n; // 0 - 0 is +0
  let big = BigInt(n);
  for (; i < end; i++) {
    const d = src[i] - 0x30;
    if (d < 0 || d > 9) return null;
    big = big * 10n + BigInt(d);
    if (big > INT64_MAX + 1n) return null; // out of range (a syntax error fails alike)
  }
  if (neg) big = -big;
  if (big > INT64_MAX || big < INT64_MIN) return null;
  return Number.isSafeInteger(Number(big)) ? Number(big) : big;
}

// Date ranges -----------------------------------------------------------------

/** Go's int64 `t1 > t2-age` (the cookie is newer than MinAge allows). */
function after(t1: number | bigint, t2: number, age: number): boolean {
  if (typeof t1 === "number" && Math.abs(age) < 2 ** 52) return t1 > t2 - age;
  return BigInt(t1) > BigInt.asIntN(64, BigInt(t2) - BigInt(age));
}

/** Go's int64 `t1 < t2-age` (the cookie is older than MaxAge allows). */
function before(t1: number | bigint, t2: number, age: number): boolean {
  if (typeof t1 === "number" && Math.abs(age) < 2 ** 52) return t1 < t2 - age;
  return BigInt(t1) < BigInt.asIntN(64, BigInt(t2) - BigInt(age));
}

// Authentication -------------------------------------------------------------

/**
 * Go's `verifyMac` of the prepared message `name "|" b[at:macPipe]`: the MAC
 * `b[macPipe+1:end]` must be its MAC, compared in constant time; `ErrMacInvalid` otherwise.
 */
function verifyMac(h: Hmac, b: Uint8Array, at: number, macPipe: number, end: number): void {
  if (!h.verifyMessage(macPipe - at, b, macPipe + 1, end)) throw ErrMacInvalid;
}

/** The first `|` of `b[from:end]`, or -1. */
function pipeIn(b: Buffer, from: number, end: number): number {
  const i = b.indexOf(PIPE, from);
  return i < end ? i : -1;
}

// Encryption -----------------------------------------------------------------

/**
 * Encrypts a value using the given block in counter mode.
 *
 * A random initialization vector with the length of the block size is prepended to the
 * resulting ciphertext. (Go encrypts `value` in place; this leaves the caller's bytes
 * alone.)
 */
function encrypt(block: AesBlock, value: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(block.blockSize + value.length);
  // The plaintext is copied after the room of the IV, then encrypted in place.
  out.set(value, block.blockSize);
  try {
    block.encryptFresh(out, 0, value.length);
  } catch {
    throw errGeneratingIV;
  }
  // Return iv + ciphertext.
  return out;
}

/**
 * Decrypts a value using the given block in counter mode (in place), and returns where the
 * plaintext starts.
 *
 * The value to be decrypted must be prepended by an initialization vector with the length
 * of the block size; `errDecryptionFailed` when it holds no more than that.
 */
function decrypt(block: AesBlock, value: Uint8Array): number {
  const size = block.blockSize;
  if (value.length > size) {
    // The iv, then the ciphertext, decrypted after it.
    block.xorKeyStream(value, 0, value.length - size);
    return size;
  }
  throw errDecryptionFailed;
}

// Encoding -------------------------------------------------------------------

/**
 * Decodes a cookie using base64 into `dst` at `at` (with room for `value.length` bytes) and
 * returns its length; errors are decode errors "base64 decode failed".
 */
function decode(value: string, dst: Buffer, at: number): number {
  try {
    return urlDecodeStringInto(value, dst, at);
  } catch (e) {
    throw base64Failed(e);
  }
}

/** Decodes the base64 value `b[start:end]` into a buffer of its own; errors as `decode`'s. */
function decodeValue(b: Uint8Array, start: number, end: number): Buffer {
  try {
    return urlDecode(b, start, end);
  } catch (e) {
    throw base64Failed(e);
  }
}

function base64Failed(e: unknown): SecureCookieError {
  return new SecureCookieError("decode", "base64 decode failed", asError(e));
}
