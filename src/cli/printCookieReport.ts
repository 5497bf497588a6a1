/** The text form of a {@link CookieReport}. */

import { duration } from "./duration.ts";
import type { CookieReport } from "./explainCookie.ts";
import { printEntries } from "./printEntries.ts";
import type { Style } from "./style.ts";

export function printCookieReport(r: CookieReport, s: Style): string {
  const out: string[] = [];
  const verdict = r.ok ? s.ok("valid") : s.bad("NOT VALID");
  out.push(`${s.bold(`cookie ${r.name}`)}: ${verdict} (${r.length} bytes)`);
  if (r.failure !== null) {
    out.push(`  failed at   ${s.bad(r.failure.step)}: ${r.failure.why}`);
    if (r.failure.hint !== undefined) out.push(`  hint        ${r.failure.hint}`);
  }
  if (r.goError !== null) out.push(`  Go says     ${r.goError}`);
  if (r.pair !== null)
    out.push(`  key pair    ${r.pair}${r.encrypted ? " (encrypted)" : " (signed, not encrypted)"}`);
  if (r.timestamp !== null) {
    const when = new Date(Number(r.timestamp) * 1000);
    const iso = Number.isNaN(when.getTime()) ? "" : ` (${when.toISOString().replace(".000", "")})`;
    out.push(
      `  timestamp   ${r.timestamp}${iso}, age ${r.age !== null && r.age < 0 ? "-" : ""}${duration(r.age ?? 0)}`,
    );
  }
  if (r.expiresIn !== null && r.pair !== null) {
    out.push(
      r.expiresIn >= 0
        ? `  expires in  ${duration(r.expiresIn)} (MaxAge)`
        : `  expired     ${duration(-r.expiresIn)} ago (MaxAge)`,
    );
  }
  if (r.payloadBytes !== null) out.push(`  payload     ${r.payloadBytes} bytes`);
  if (r.value !== null) out.push(`  value       ${r.value.type} = ${r.value.value}`);
  if (r.entries !== null) out.push(...printEntries(r.entries, s));
  for (const n of r.notes) out.push(`  note        ${n}`);
  return `${out.join("\n")}\n`;
}
