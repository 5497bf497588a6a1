/**
 * Colours for a terminal: only when standard output is one, and never with `NO_COLOR` set
 * (https://no-color.org) or `TERM=dumb`.
 */
import type { Io } from "./Io.ts";

export interface Style {
  ok(s: string): string;
  bad(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const plain: Style = { ok: (s) => s, bad: (s) => s, dim: (s) => s, bold: (s) => s };

function sgr(code: string): (s: string) => string {
  return (s) => `\x1b[${code}m${s}\x1b[0m`;
}

export function styleFor(io: Io): Style {
  const noColor = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "";
  if (!io.isTTY || noColor || io.env.TERM === "dumb") return plain;
  return { ok: sgr("32"), bad: sgr("31"), dim: sgr("2"), bold: sgr("1") };
}
