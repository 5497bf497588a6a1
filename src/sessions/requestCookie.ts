/**
 * One cookie of a request.
 * Port of Go 1.26 `net/http/request.go` `(*Request).Cookie` over `net/http/cookie.go`
 * `readCookies` and `parseCookieValue`.
 */
import type { IncomingMessage } from "node:http";
import { isToken } from "./cookieHeader.ts";

/** Go's default `httpcookiemaxnum`: a request with more cookies than this has none. */
const maxCookies = 3000;

/**
 * The value of the first cookie named `name`, as Go's `r.Cookie(name)` (undefined where Go
 * returns `ErrNoCookie`). Node joins repeated `Cookie` headers with `"; "`, which Go's
 * per-line parsing reads the same way.
 */
export function requestCookie(req: IncomingMessage, name: string): string | undefined {
  const line = req.headers.cookie;
  if (line === undefined || name === "") return undefined;
  if (line !== lastLine || name !== lastName) {
    lastValue = cookieFromHeader(line, name);
    lastLine = line;
    lastName = name;
  }
  return lastValue;
}

/**
 * The last lookup, a pure function of header and name: the middleware asks whether the
 * cookie is there, then the store reads it, and the header is parsed once.
 */
let lastLine = "";
let lastName = "";
let lastValue: string | undefined;

/** The first valid cookie `name` in a `Cookie` header, by Go's `readCookies(h, name)`. */
export function cookieFromHeader(line: string, name: string): string | undefined {
  if (line.length >= maxCookies && countSemicolons(line) + 1 > maxCookies) return undefined;
  // A name that is no token never matches: Go skips every part whose name is no token.
  if (!isToken(name)) return undefined;
  const n = line.length;
  let pos = 0;
  while (pos < n) {
    let end = line.indexOf(";", pos);
    if (end < 0) end = n;
    // textproto.TrimString(part)
    let s = pos;
    let e = end;
    while (s < e && isSpace(line.charCodeAt(s))) s++;
    while (e > s && isSpace(line.charCodeAt(e - 1))) e--;
    pos = end + 1;
    if (s === e) continue;
    // name, val, _ := strings.Cut(part, "="); name = textproto.TrimString(name)
    let eq = line.indexOf("=", s);
    if (eq < 0 || eq >= e) eq = e;
    let ne = eq;
    while (ne > s && isSpace(line.charCodeAt(ne - 1))) ne--;
    if (ne - s !== name.length || !line.startsWith(name, s)) continue;
    const value = parseCookieValue(line, eq < e ? eq + 1 : e, e);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Go's `validCookieValueByte` for every byte (`;` never reaches here). */
const validCookieValue = /^[ !#-:<-[\]-~]*$/;

/** Go's `parseCookieValue(raw, true)` on `line[start:end]`: unquotes, then checks bytes. */
function parseCookieValue(line: string, start: number, end: number): string | undefined {
  if (end - start > 1 && line.charCodeAt(start) === 0x22 && line.charCodeAt(end - 1) === 0x22) {
    start++;
    end--;
  }
  const value = line.slice(start, end);
  return validCookieValue.test(value) ? value : undefined;
}

/** Go's `textproto` ASCII space: space, tab, CR, LF. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function countSemicolons(line: string): number {
  let count = 0;
  for (let i = line.indexOf(";"); i >= 0; i = line.indexOf(";", i + 1)) count++;
  return count;
}
