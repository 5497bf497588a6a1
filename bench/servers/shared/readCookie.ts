/**
 * The value of cookie `name` in a request's `Cookie` header, or undefined. Enough for the
 * hand-rolled contenders, which set exactly one cookie.
 */
import type { IncomingMessage } from "node:http";

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const pair of header.split(";")) {
    const eq = pair.indexOf("=");
    if (eq > 0 && pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim();
  }
  return undefined;
}
