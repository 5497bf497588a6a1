/**
 * The errors of the session middleware and its stores, one family with a stable `code`.
 *
 * Three classes share the family so that each error keeps the built-in class it belongs to:
 * `SessionsError` (an `Error`), `SessionsTypeError` (a `TypeError`: misconfiguration or
 * misuse) and `SessionsRangeError` (a `RangeError`: a limit on untrusted input). All three
 * are `instanceof SessionsError`; tell them apart by `code`:
 *
 *     try { await s.Save(); } catch (e) {
 *       if (e instanceof SessionsError && e.code === "ERR_STORE_UNAVAILABLE") ...
 *     }
 *
 * Messages keep Go's text where Go has one (`SessionStore: the value to store is too big`).
 * securecookie and gob keep their own error classes (they are Go ports); an error of this
 * family that stems from one of them carries it as `cause`.
 */

/** Every code, and what it means. */
export type SessionsErrorCode =
  /** A constructor got arguments it cannot work with (keys, store, cookie name, limits). */
  | "ERR_INVALID_CONFIG"
  /** `Default`/`DefaultMany` found no session: the middleware did not run, or is the other kind. */
  | "ERR_NOT_MOUNTED"
  /** A session was used before the middleware loaded it (a store without `NewSession`). */
  | "ERR_NOT_LOADED"
  /** `Save()` after the response headers were sent: the cookie can no longer be set. */
  | "ERR_HEADERS_SENT"
  /** A session value cannot be serialized; the message names the session key. */
  | "ERR_ENCODE_VALUE"
  /** A stored session value cannot be read back (corrupt or foreign bytes in Redis). */
  | "ERR_DECODE_VALUE"
  /** A cookie that authenticates but does not hold what the store writes. */
  | "ERR_BAD_COOKIE"
  /** The serialized session is longer than the store's `maxLength`. */
  | "ERR_VALUE_TOO_LONG"
  /** A stored value exceeds a read limit (`ReadLimits`). */
  | "ERR_READ_LIMIT"
  /** The flash key holds something else than a list. */
  | "ERR_FLASH_NOT_LIST"
  /** A compare-and-set save met another request's save under each of its attempts. */
  | "ERR_SAVE_CONFLICT"
  /** A compare-and-set save found the session deleted by another request meanwhile. */
  | "ERR_SESSION_DELETED"
  /** The store cannot be reached (connection refused, timed out, Redis loading or down). */
  | "ERR_STORE_UNAVAILABLE"
  /** Redis answered a command with an error (`WRONGTYPE`, `invalid expire time`, ...). */
  | "ERR_STORE_REPLY";

const brand: unique symbol = Symbol.for("hertz-sessions.SessionsError");

interface Branded {
  [brand]: true;
}

function isBranded(v: unknown): v is Branded {
  return typeof v === "object" && v !== null && (v as Partial<Branded>)[brand] === true;
}

/** The family's base class: an `Error` with a `code`. */
export class SessionsError extends Error {
  declare readonly [brand]: true;
  override name = "SessionsError";
  readonly code: SessionsErrorCode;

  constructor(code: SessionsErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    Object.defineProperty(this, brand, { value: true });
  }

  /** True for every member of the family (`SessionsTypeError` and `SessionsRangeError` too). */
  static override [Symbol.hasInstance](v: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class `instanceof` was asked about
    if (this !== SessionsError) return Function.prototype[Symbol.hasInstance].call(this, v);
    return isBranded(v);
  }
}

/** A `TypeError` of the family: misconfiguration or misuse, found where it is made. */
export class SessionsTypeError extends TypeError {
  declare readonly [brand]: true;
  override name = "SessionsTypeError";
  readonly code: SessionsErrorCode;

  constructor(code: SessionsErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    Object.defineProperty(this, brand, { value: true });
  }
}

/** A `RangeError` of the family: a limit on untrusted input was exceeded. */
export class SessionsRangeError extends RangeError {
  declare readonly [brand]: true;
  override name = "SessionsRangeError";
  readonly code: SessionsErrorCode;

  constructor(code: SessionsErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    Object.defineProperty(this, brand, { value: true });
  }
}

/** Whether `e` is of the family, with `code` when given. */
export function isSessionsError(
  e: unknown,
  code?: SessionsErrorCode,
): e is SessionsError | SessionsTypeError | SessionsRangeError {
  return isBranded(e) && (code === undefined || (e as { code?: unknown }).code === code);
}
