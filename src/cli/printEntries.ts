/** Session entries as aligned lines: `"key"  type  %#v`. */
import type { SessionEntry } from "./sessionEntries.ts";
import type { Style } from "./style.ts";

export function printEntries(entries: readonly SessionEntry[], s: Style): string[] {
  const out = [`  values      ${entries.length}`];
  const keys = entries.map((e) => (e.keyType === "string" ? e.key : `${e.keyType}(${e.key})`));
  const kw = Math.max(0, ...keys.map((k) => k.length));
  const tw = Math.max(0, ...entries.map((e) => e.type.length));
  for (const [i, e] of entries.entries()) {
    const key = keys[i];
    out.push(`    ${s.bold(key.padEnd(kw))}  ${s.dim(e.type.padEnd(tw))}  ${e.value}`);
  }
  return out;
}
