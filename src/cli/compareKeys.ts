/** Map keys in the order Go's `fmt` prints them (internal/fmtsort). */

/** Go's internal/fmtsort order: numbers by value (NaN first), strings by bytes, false < true. */
export function compareKeys(ta: string, a: unknown, tb: string, b: unknown): number {
  if (ta !== tb) return ta < tb ? -1 : 1;
  if (typeof a === "string" && typeof b === "string") {
    return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
  }
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  if (
    (typeof a === "number" || typeof a === "bigint") &&
    (typeof b === "number" || typeof b === "bigint")
  ) {
    if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : -1;
    if (Number.isNaN(b)) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return 0;
}
