/**
 * A tiny cookie jar for the global `fetch`, enough to drive session servers like a browser
 * on one host: it keeps the cookies of every Set-Cookie (RFC 6265 storage model: name + path
 * identify a cookie, Max-Age beats Expires, Max-Age <= 0 or a past Expires deletes it, Path
 * defaults to the request path's directory) and sends the matching ones back.
 *
 *   const jar = new CookieJar();
 *   const res = await jar.fetch(`${url}/login?user=ann`); // sends Cookie, stores Set-Cookie
 *   jar.get("mysession");
 *
 * `parseSetCookie` splits one Set-Cookie header into its attributes in header order, to
 * compare two servers' headers attribute by attribute.
 */

export interface CookieAttribute {
  /** The attribute name as written (`Max-Age`, `max-age`, `HttpOnly`...). */
  name: string;
  /** The value after `=`, or null for a flag attribute (`Secure`, `HttpOnly`). */
  value: string | null;
}

export interface ParsedSetCookie {
  name: string;
  value: string;
  /** Every attribute after `name=value`, in header order, as written. */
  attributes: CookieAttribute[];
  /** The recognised attributes (names matched case-insensitively; the last one wins). */
  path?: string;
  domain?: string;
  expires?: Date;
  maxAge?: number;
  httpOnly: boolean;
  secure: boolean;
  sameSite?: string;
}

/** Splits a Set-Cookie header value into its cookie pair and attributes. */
export function parseSetCookie(header: string): ParsedSetCookie {
  const parts = header.split(";");
  const pair = parts.shift() ?? "";
  const eq = pair.indexOf("=");
  const out: ParsedSetCookie = {
    name: (eq < 0 ? "" : pair.slice(0, eq)).trim(),
    value: (eq < 0 ? pair : pair.slice(eq + 1)).trim(),
    attributes: [],
    httpOnly: false,
    secure: false,
  };
  for (const part of parts) {
    const i = part.indexOf("=");
    const name = (i < 0 ? part : part.slice(0, i)).trim();
    const value = i < 0 ? null : part.slice(i + 1).trim();
    if (name === "" && value === null) continue;
    out.attributes.push({ name, value });
    switch (name.toLowerCase()) {
      case "path":
        out.path = value ?? "";
        break;
      case "domain":
        out.domain = value ?? "";
        break;
      case "expires": {
        const t = Date.parse(value ?? "");
        if (!Number.isNaN(t)) out.expires = new Date(t);
        break;
      }
      case "max-age":
        if (value !== null && /^-?\d+$/.test(value)) out.maxAge = Number(value);
        break;
      case "httponly":
        out.httpOnly = true;
        break;
      case "secure":
        out.secure = true;
        break;
      case "samesite":
        out.sameSite = value ?? "";
        break;
    }
  }
  return out;
}

interface StoredCookie {
  name: string;
  value: string;
  path: string;
  /** Epoch ms; Infinity for a session cookie. */
  expiresAt: number;
  created: number;
}

/** RFC 6265 5.1.4 default-path of a request path. */
function defaultPath(requestPath: string): string {
  if (!requestPath.startsWith("/")) return "/";
  const last = requestPath.lastIndexOf("/");
  return last <= 0 ? "/" : requestPath.slice(0, last);
}

/** RFC 6265 5.1.4 path-match. */
function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith("/") || requestPath[cookiePath.length] === "/";
}

export class CookieJar {
  private cookies: StoredCookie[] = [];
  private seq = 0;

  /** Every Set-Cookie header of the last response stored (for attribute checks). */
  lastSetCookie: string[] = [];

  /** Stores one Set-Cookie header received for `requestUrl` (its path sets the default Path). */
  setCookie(header: string, requestUrl = "http://127.0.0.1/", now = Date.now()): void {
    const c = parseSetCookie(header);
    if (c.name === "") return;
    const path = c.path?.startsWith("/") ? c.path : defaultPath(new URL(requestUrl).pathname);
    let expiresAt = Number.POSITIVE_INFINITY;
    if (c.maxAge !== undefined) expiresAt = c.maxAge <= 0 ? 0 : now + c.maxAge * 1000;
    else if (c.expires) expiresAt = c.expires.getTime();
    const i = this.cookies.findIndex((x) => x.name === c.name && x.path === path);
    const created = i >= 0 ? this.cookies[i].created : this.seq++;
    if (i >= 0) this.cookies.splice(i, 1);
    if (expiresAt <= now) return; // deletion (or an already expired cookie)
    this.cookies.push({ name: c.name, value: c.value, path, expiresAt, created });
  }

  /** Stores every Set-Cookie of `res` (a response to `requestUrl`). */
  store(res: Response, requestUrl = res.url || "http://127.0.0.1/"): void {
    this.lastSetCookie = res.headers.getSetCookie();
    for (const h of this.lastSetCookie) this.setCookie(h, requestUrl);
  }

  /** The Cookie header for a request to `url` (or a path), "" when no cookie matches. */
  header(url = "/", now = Date.now()): string {
    const path = url.startsWith("/") ? url.split("?")[0] : new URL(url).pathname;
    return this.cookies
      .filter((c) => c.expiresAt > now && pathMatches(path, c.path))
      .sort((a, b) => b.path.length - a.path.length || a.created - b.created)
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
  }

  /** The value of the live cookie `name` (the longest-path one), or undefined. */
  get(name: string, now = Date.now()): string | undefined {
    return this.cookies
      .filter((c) => c.name === name && c.expiresAt > now)
      .sort((a, b) => b.path.length - a.path.length)[0]?.value;
  }

  /** Names of the live cookies. */
  names(now = Date.now()): string[] {
    return this.cookies.filter((c) => c.expiresAt > now).map((c) => c.name);
  }

  /** Sets a cookie directly (as if the server had sent it with Path=/ and no expiry). */
  set(name: string, value: string, path = "/"): void {
    this.setCookie(`${name}=${value}; Path=${path}`);
  }

  clear(): void {
    this.cookies = [];
  }

  /** `fetch` with this jar's Cookie header, storing the response's Set-Cookie headers. */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.header(url);
    if (cookie && !headers.has("cookie")) headers.set("cookie", cookie);
    const res = await fetch(url, { ...init, headers, redirect: "manual" });
    this.store(res, url);
    return res;
  }
}
