/**
 * The `Set-Cookie` header of a session.
 * Port of gorilla/sessions v1.2.2 `sessions.go` (`NewCookie`) and `cookie_go111.go`
 * (`newCookieFromOptions`), serialized as Go 1.26 `net/http/cookie.go` `(*Cookie).String()`,
 * then added to the response as `http.SetCookie` does.
 */
import type { ServerResponse } from "node:http";
import { logError } from "./logger.ts";
import type { Options } from "./Options.ts";
import { SameSite } from "./Options.ts";

/** Go's `sessions.NewCookie(name, value, options).String()`; `""` when `name` is no token. */
export function newCookie(
  name: string,
  value: string,
  options: Options,
  now: number = Date.now(),
): string {
  return cookieString(name, value, true, options, now);
}

/**
 * `newCookie` for a value that Go's `sanitizeCookieValue` leaves as it is: only valid
 * cookie-value bytes, no space, no comma (such as securecookie's base64), unchecked.
 */
export function newPlainCookie(name: string, value: string, options: Options): string {
  return cookieString(name, value, false, options, Date.now());
}

/**
 * `(*Cookie).String()`: `""` for a name that is no token (before the value is sanitized, and
 * its dropped bytes logged, as Go does), else the header.
 */
function cookieString(
  name: string,
  value: string,
  sanitizeValue: boolean,
  options: Options,
  now: number,
): string {
  if (!isToken(name)) return "";
  let b = `${name}=${sanitizeValue ? sanitizeCookieValue(value) : value}`;
  const path = options.Path;
  if (path) b += `; Path=${sanitize("Cookie.Path", path, validCookiePathByte)}`;
  const domain = options.Domain;
  if (domain) {
    if (validCookieDomain(domain)) {
      b += `; Domain=${domain.charCodeAt(0) === 0x2e ? domain.slice(1) : domain}`;
    } else {
      logError(
        `net/http: invalid Cookie.Domain ${JSON.stringify(domain)}; dropping domain attribute`,
      );
    }
  }
  const maxAge = Math.trunc(options.MaxAge ?? 0);
  if (maxAge > 0) {
    // NewCookie: Expires = time.Now().Add(time.Duration(MaxAge) * time.Second).
    b += `; Expires=${httpDate(expiresSecond(now, maxAge))}; Max-Age=${maxAge}`;
  } else if (maxAge < 0) {
    // NewCookie: "Set it to the past to expire now": time.Unix(1, 0).
    b += "; Expires=Thu, 01 Jan 1970 00:00:01 GMT; Max-Age=0";
  }
  if (options.HttpOnly) b += "; HttpOnly";
  if (options.Secure) b += "; Secure";
  switch (options.SameSite) {
    // Go 1.26 writes no attribute for SameSiteDefaultMode (nor for the zero value).
    case SameSite.NoneMode:
      b += "; SameSite=None";
      break;
    case SameSite.LaxMode:
      b += "; SameSite=Lax";
      break;
    case SameSite.StrictMode:
      b += "; SameSite=Strict";
      break;
  }
  return b;
}

/**
 * Go's `http.SetCookie`: adds the header, keeping those already set; ignores `""`. The first
 * one is set directly (`appendHeader` checks the value, then calls `setHeader`, which checks
 * it again).
 *
 * The name is given in lower case, as Node keys its headers: it goes out as `set-cookie`
 * (header names are case-insensitive), and Node stores it about 0.7 µs faster than
 * `Set-Cookie`, which it must lower-case into a new string and look up each time.
 */
export function appendSetCookie(res: ServerResponse, header: string): void {
  if (header === "") return;
  if (res.hasHeader("set-cookie")) res.appendHeader("set-cookie", header);
  else res.setHeader("set-cookie", header);
}

/**
 * The Unix second of `now + maxAge` seconds, with Go's arithmetic: the duration
 * `time.Duration(maxAge) * time.Second` is an int64 of nanoseconds and wraps around.
 */
function expiresSecond(nowMs: number, maxAge: number): number {
  if (maxAge <= 9_223_372_036) return Math.floor(nowMs / 1000 + maxAge);
  const d = BigInt.asIntN(64, BigInt(maxAge) * 1_000_000_000n);
  const ns = BigInt(Math.floor(nowMs)) * 1_000_000n + d;
  const sec = ns / 1_000_000_000n;
  return Number(ns < 0n && sec * 1_000_000_000n !== ns ? sec - 1n : sec);
}

let cachedSecond = Number.NaN;
let cachedDate = "";

/** `http.TimeFormat` ("Mon, 02 Jan 2006 15:04:05 GMT"), cached for the current second. */
function httpDate(second: number): string {
  if (second !== cachedSecond) {
    cachedDate = new Date(second * 1000).toUTCString();
    cachedSecond = second;
  }
  return cachedDate;
}

/** Token characters of RFC 7230 (Go's `httpguts.IsTokenRune` on ASCII). */
const tokenTable = (() => {
  const t = new Uint8Array(128);
  const extra = "!#$%&'*+-.^_`|~";
  for (let c = 0x30; c <= 0x39; c++) t[c] = 1;
  for (let c = 0x41; c <= 0x5a; c++) t[c] = 1;
  for (let c = 0x61; c <= 0x7a; c++) t[c] = 1;
  for (const ch of extra) t[ch.charCodeAt(0)] = 1;
  return t;
})();

/** Go's `isToken`: non-empty, every byte a token character. */
export function isToken(v: string): boolean {
  if (v.length === 0) return false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 128 || tokenTable[c] === 0) return false;
  }
  return true;
}

/**
 * Go's `validCookieValueByte`. A non-ASCII character is UTF-8 bytes ≥ 0x80 in Go, all
 * invalid, so checking UTF-16 code units gives the same answer.
 */
export function validCookieValueByte(c: number): boolean {
  return c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x3b && c !== 0x5c;
}

function validCookiePathByte(c: number): boolean {
  return c >= 0x20 && c < 0x7f && c !== 0x3b;
}

/** Go's `sanitizeOrWarn`: drops the invalid bytes, logging the first one as Go does. */
function sanitize(field: string, v: string, valid: (c: number) => boolean): string {
  for (let i = 0; i < v.length; i++) {
    if (valid(v.charCodeAt(i))) continue;
    logError(
      `net/http: invalid byte ${quoteByte(firstUtf8Byte(v, i))} in ${field}; dropping invalid bytes`,
    );
    let out = v.slice(0, i);
    for (let j = i + 1; j < v.length; j++) if (valid(v.charCodeAt(j))) out += v[j];
    return out;
  }
  return v;
}

/** The first byte of the UTF-8 encoding of the character at `i` (what Go's loop sees). */
function firstUtf8Byte(v: string, i: number): number {
  const c = v.codePointAt(i) ?? 0;
  if (c < 0x80) return c;
  if (c < 0x800) return 0xc0 | (c >> 6);
  if (c < 0x10000) return 0xe0 | (c >> 12);
  return 0xf0 | (c >> 18);
}

const escapes: Record<number, string> = {
  7: "\\a",
  8: "\\b",
  9: "\\t",
  10: "\\n",
  11: "\\v",
  12: "\\f",
  13: "\\r",
  39: "\\'",
  92: "\\\\",
};

/** Go's `%q` of a byte: `strconv.QuoteRune(rune(b))`. */
function quoteByte(b: number): string {
  const printable = (b >= 0x20 && b < 0x7f) || (b > 0xa0 && b !== 0xad);
  const text =
    escapes[b] ??
    (printable
      ? String.fromCharCode(b)
      : b < 0x80
        ? `\\x${b.toString(16).padStart(2, "0")}`
        : `\\u${b.toString(16).padStart(4, "0")}`);
  return `'${text}'`;
}

/** Valid cookie value bytes but space and comma: such a value is written as it is. */
const plainCookieValue = /^[!#-+\--:<-[\]-~]*$/;

/** Go's `sanitizeCookieValue(v, false)`: a value with a space or a comma is quoted. */
function sanitizeCookieValue(v: string): string {
  if (plainCookieValue.test(v)) return v;
  const s = sanitize("Cookie.Value", v, validCookieValueByte);
  return s.includes(" ") || s.includes(",") ? `"${s}"` : s;
}

/** Go's `validCookieDomain`: a domain name, or an IPv4 address (no IPv6). */
export function validCookieDomain(v: string): boolean {
  return isCookieDomainName(v) || isIPv4(v);
}

/** Go's `isCookieDomainName`. */
function isCookieDomainName(s: string): boolean {
  if (s.length === 0 || s.length > 255) return false;
  let i = s.charCodeAt(0) === 0x2e ? 1 : 0;
  let last = 0x2e;
  let ok = false;
  let partlen = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) {
      ok = true;
      partlen++;
    } else if (c >= 0x30 && c <= 0x39) {
      partlen++;
    } else if (c === 0x2d) {
      if (last === 0x2e) return false;
      partlen++;
    } else if (c === 0x2e) {
      if (last === 0x2e || last === 0x2d) return false;
      if (partlen > 63 || partlen === 0) return false;
      partlen = 0;
    } else {
      return false;
    }
    last = c;
  }
  if (last === 0x2d || partlen > 63) return false;
  return ok;
}

/** `net.ParseIP(v) != nil && !strings.Contains(v, ":")`: dotted decimal, no leading zeros. */
function isIPv4(v: string): boolean {
  const parts = v.split(".");
  if (parts.length !== 4) return false;
  for (const p of parts) {
    if (p.length === 0 || p.length > 3 || (p.length > 1 && p[0] === "0")) return false;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (c < 0x30 || c > 0x39) return false;
    }
    if (Number(p) > 255) return false;
  }
  return true;
}
