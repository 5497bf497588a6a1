/** A thrown value as an `Error` (JavaScript can throw anything; Go's errors are errors). */
export function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}
