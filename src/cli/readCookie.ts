/**
 * The cookie to decode, from an argument or standard input (`-`): the value alone, a
 * `Cookie:` header (the cookie picked by name, as Go's `r.Cookie(name)` picks it), a
 * `Set-Cookie:` header, or request headers holding a `Cookie:` line.
 */
import { cookieFromHeader } from "../sessions/requestCookie.ts";
import type { Io } from "./Io.ts";
import { UsageError } from "./UsageError.ts";

/** The most standard input may hold: a cookie is at most 4096 bytes, headers a few KiB. */
export const maxStdinBytes = 64 * 1024;

export interface CookieInput {
  /** The cookie's name when the input named it (a header), else the one asked for. */
  readonly name: string;
  readonly value: string;
}

export async function readCookie(
  arg: string,
  io: Io,
  name: string | undefined,
): Promise<CookieInput> {
  const text = arg === "-" ? (await io.readStdin(maxStdinBytes)).toString("utf8") : arg;
  const lines = text.split(/\r?\n/);
  const cookieLines = lines.filter((l) => /^cookie:/i.test(l.trim()));
  if (cookieLines.length > 0) {
    return fromHeader(cookieLines.map((l) => l.trim().slice(7).trim()).join("; "), name);
  }
  const setCookie = lines.find((l) => /^set-cookie:/i.test(l.trim()));
  if (setCookie !== undefined) {
    const pair = setCookie.trim().slice(11).split(";")[0].trim();
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new UsageError("the Set-Cookie header holds no name=value");
    return { name: name ?? pair.slice(0, eq), value: unquote(pair.slice(eq + 1)) };
  }
  const value = text.trim();
  if (value === "")
    throw new UsageError("the cookie is empty: pass its value, a Cookie header, or - for stdin");
  return { name: name ?? "mysession", value: unquote(value) };
}

function fromHeader(line: string, name: string | undefined): CookieInput {
  const names = [
    ...new Set(
      line
        .split(";")
        .map((p) => p.trim().split("=")[0])
        .filter((n) => n !== ""),
    ),
  ];
  const chosen =
    name ?? (names.length === 1 ? names[0] : names.includes("mysession") ? "mysession" : undefined);
  if (chosen === undefined) {
    throw new UsageError(
      `the Cookie header holds ${names.length} cookies: pick one with --name (${names.join(", ")})`,
    );
  }
  const value = cookieFromHeader(line, chosen);
  if (value === undefined) {
    throw new UsageError(
      `the Cookie header holds no cookie named ${chosen} (it holds: ${names.join(", ") || "none"})`,
    );
  }
  return { name: chosen, value };
}

/** Go's parseCookieValue drops one pair of surrounding double quotes. */
function unquote(v: string): string {
  return v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v;
}
