/** A number of seconds as `3d4h5m6s` (`0s` for none; the sign is the caller's). */
export function duration(seconds: number): string {
  let s = Math.abs(Math.round(seconds));
  const parts: string[] = [];
  for (const [unit, size] of [
    ["d", 86400],
    ["h", 3600],
    ["m", 60],
  ] as const) {
    if (s >= size) {
      parts.push(`${Math.floor(s / size)}${unit}`);
      s %= size;
    }
  }
  if (s > 0 || parts.length === 0) parts.push(`${s}s`);
  return parts.join("");
}
