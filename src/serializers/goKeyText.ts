/** Go's `fmt.Sprint` of a session key, for error messages. */
export function goKeyText(k: unknown): string {
  if (k === null || k === undefined) return "<nil>";
  if (k instanceof Uint8Array) return `[${Array.from(k).join(" ")}]`;
  if (typeof k === "object") return JSON.stringify(k) ?? String(k);
  return String(k);
}
