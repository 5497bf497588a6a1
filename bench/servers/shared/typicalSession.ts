/**
 * The typical session of the codec benchmarks (8 keys: strings, ints, a bool, a `_flash`
 * list), the same as compat/securecookiebench/codec_test.go's, as key/value entries.
 */
export const typicalSession: ReadonlyArray<[string, unknown]> = [
  ["user_id", 84],
  ["name", "alice"],
  ["email", "alice@example.com"],
  ["csrf", "3q2+7wLk9m1Pq8Zb"],
  ["count", 6],
  ["admin", true],
  ["visited", 1712345678],
  ["_flash", ["welcome back", "saved"]],
];
