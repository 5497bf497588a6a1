/**
 * The one error type of the gob codec.
 *
 * - `decode`: the input is not a valid gob stream (truncated, corrupted, inconsistent types);
 * - `usage`:  the caller asked for something gob cannot express (a value with no Go type, a
 *             number outside the chosen Go type's range, a duplicate registration);
 * - `limit`:  the input exceeds a limit of {@link DecoderOptions} (message size, nesting depth,
 *             number of type definitions) or an encoder limit.
 */
export type GobErrorCode = "decode" | "usage" | "limit";

export class GobError extends Error {
  override readonly name = "GobError";
  readonly code: GobErrorCode;

  constructor(code: GobErrorCode, message: string) {
    super(`gob: ${message}`);
    this.code = code;
  }
}
