/**
 * When a securecookie value was encoded: the Unix second at the head of `date|value|mac`
 * (step 3 of `Encode`). It does not verify anything: read it from a value `Decode` accepted.
 */

/** The timestamp of an encoded value, or null when it holds none. */
export function Timestamp(value: string): number | null {
  const b = Buffer.from(value, "base64url");
  const pipe = b.indexOf(0x7c);
  if (pipe <= 0) return null;
  const t = Number(b.toString("latin1", 0, pipe));
  return Number.isSafeInteger(t) ? t : null;
}
