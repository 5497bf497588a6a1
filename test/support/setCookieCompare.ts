/**
 * Compares the Set-Cookie header of this package (which writes exactly Go net/http's
 * `(*http.Cookie).String()`, gorilla's `NewCookie`) with the one a Hertz service sends for
 * the same session options, attribute by attribute and by meaning.
 *
 * hertz-contrib/sessions calls `http.SetCookie` on Hertz's net/http adaptor, which re-parses
 * the header into a `protocol.Cookie` and prints it again with `(*Cookie).AppendBytes`
 * (hertz v0.10.4 `pkg/common/adaptor/response.go`, `pkg/protocol/cookie.go`). The two texts
 * therefore differ in spelling, order and in how a deletion is written, but must mean the
 * same to a browser. Each difference that is accepted is listed in `TOLERATED` below; any
 * other one fails.
 *
 *   const { differences, tolerated } = compareSetCookie(nodeHeader, hertzHeader);
 *   assertSameSetCookie(nodeHeader, hertzHeader); // throws, listing the differences
 */
import { type CookieAttribute, parseSetCookie } from "./cookieJar.ts";

export type ToleranceId =
  | "spelling:Path"
  | "spelling:Domain"
  | "spelling:Expires"
  | "spelling:Max-Age"
  | "spelling:Secure"
  | "order"
  | "deletion-without-max-age";

export interface Tolerance {
  id: ToleranceId;
  /** What net/http (and so this package) writes. */
  node: string;
  /** What Hertz writes instead. */
  hertz: string;
  /** Why Hertz differs. */
  why: string;
}

/** Go net/http's attribute order in `(*Cookie).String()` (Go 1.26 `net/http/cookie.go`). */
const NET_HTTP_ORDER = ["path", "domain", "expires", "max-age", "httponly", "secure", "samesite"];

/** Hertz's attribute order in `(*protocol.Cookie).AppendBytes` (hertz v0.10.4). */
const HERTZ_ORDER = ["max-age", "expires", "domain", "path", "httponly", "secure", "samesite"];

/**
 * Every accepted difference between the two texts. `HttpOnly` and `SameSite` (and the
 * SameSite values `Lax`, `Strict`, `None`) are spelled the same by both and are not listed:
 * any difference there fails. SameSiteDefaultMode needs no entry either: Go 1.26's net/http
 * writes no attribute for it, so Hertz never sees (nor prints) a bare `SameSite`.
 */
export const TOLERATED: readonly Tolerance[] = [
  // Hertz prints its own lower-case constants (bytestr.StrCookiePath etc.) whatever the
  // spelling it parsed; browsers match attribute names case-insensitively (RFC 6265 5.2).
  { id: "spelling:Path", node: "Path", hertz: "path", why: "bytestr.StrCookiePath" },
  { id: "spelling:Domain", node: "Domain", hertz: "domain", why: "bytestr.StrCookieDomain" },
  { id: "spelling:Expires", node: "Expires", hertz: "expires", why: "bytestr.StrCookieExpires" },
  { id: "spelling:Max-Age", node: "Max-Age", hertz: "max-age", why: "bytestr.StrCookieMaxAge" },
  { id: "spelling:Secure", node: "Secure", hertz: "secure", why: "bytestr.StrCookieSecure" },
  // Attribute order carries no meaning (RFC 6265 5.2); each side keeps its own fixed order.
  {
    id: "order",
    node: NET_HTTP_ORDER.join(", "),
    hertz: HERTZ_ORDER.join(", "),
    why: "AppendBytes writes max-age and expires first, path after domain",
  },
  // A deletion (gorilla's MaxAge < 0) is `Expires=<Unix second 1>; Max-Age=0` in net/http.
  // Hertz parses Max-Age as an unsigned number and omits it when 0, so only the past
  // `expires` is left, which deletes the cookie just as well.
  {
    id: "deletion-without-max-age",
    node: "Expires=Thu, 01 Jan 1970 00:00:01 GMT; Max-Age=0",
    hertz: "expires=Thu, 01 Jan 1970 00:00:01 GMT",
    why: "protocol.Cookie keeps maxAge as a uint and writes it only when non-zero",
  },
];

export interface ObservedTolerance {
  id: ToleranceId;
  detail: string;
}

export interface SetCookieComparison {
  /** Differences no entry of `TOLERATED` explains; empty when the headers mean the same. */
  differences: string[];
  /** The tolerated differences met, in the order checked. */
  tolerated: ObservedTolerance[];
}

export interface CompareOptions {
  /** How far apart the two `Expires` may be, in seconds (default 5): requests differ in time. */
  expiresSlackSeconds?: number;
  /** The time deletion is judged against (default now). */
  now?: number;
}

interface Side {
  header: string;
  name: string;
  /** Lower-cased attribute name → the attribute as written. */
  byKey: Map<string, CookieAttribute>;
  /** Lower-cased attribute names in header order. */
  order: string[];
  expires?: Date;
  maxAge?: number;
}

function side(header: string, label: string, differences: string[]): Side {
  const c = parseSetCookie(header);
  const byKey = new Map<string, CookieAttribute>();
  const order: string[] = [];
  for (const a of c.attributes) {
    const key = a.name.toLowerCase();
    if (byKey.has(key)) differences.push(`${label} repeats the attribute ${a.name}`);
    byKey.set(key, a);
    order.push(key);
  }
  return { header, name: c.name, byKey, order, expires: c.expires, maxAge: c.maxAge };
}

function tolerance(id: ToleranceId): Tolerance {
  return TOLERATED.find((t) => t.id === id)!;
}

/** Whether a browser deletes the cookie: Max-Age ≤ 0, or (without Max-Age) Expires in the past. */
function deletes(s: Side, now: number): boolean {
  if (s.maxAge !== undefined) return s.maxAge <= 0;
  return s.expires !== undefined && s.expires.getTime() <= now;
}

function show(a: CookieAttribute | undefined): string {
  if (a === undefined) return "(absent)";
  return a.value === null ? a.name : `${a.name}=${a.value}`;
}

/** Whether `order` follows `canonical` (every key known and in canonical order). */
function follows(order: string[], canonical: string[]): boolean {
  let last = -1;
  for (const key of order) {
    const i = canonical.indexOf(key);
    if (i <= last) return false;
    last = i;
  }
  return true;
}

/**
 * Compares `nodeHeader` (this package's Set-Cookie) with `hertzHeader` (a Hertz service's
 * Set-Cookie for the same options). The cookie values are not compared (each side encodes
 * with its own random IV and timestamp).
 */
export function compareSetCookie(
  nodeHeader: string,
  hertzHeader: string,
  opts: CompareOptions = {},
): SetCookieComparison {
  const differences: string[] = [];
  const tolerated: ObservedTolerance[] = [];
  const slack = (opts.expiresSlackSeconds ?? 5) * 1000;
  const now = opts.now ?? Date.now();
  const node = side(nodeHeader, "Node", differences);
  const hertz = side(hertzHeader, "Hertz", differences);

  if (node.name !== hertz.name) {
    differences.push(`cookie name: Node ${node.name} vs Hertz ${hertz.name}`);
  }

  const nodeDeletes = deletes(node, now);
  const hertzDeletes = deletes(hertz, now);
  if (nodeDeletes !== hertzDeletes) {
    differences.push(
      `deletion: Node ${nodeDeletes ? "deletes" : "keeps"} the cookie, Hertz ${hertzDeletes ? "deletes" : "keeps"} it`,
    );
  }

  const keys = [...new Set([...node.order, ...hertz.order])];
  for (const key of keys) {
    const n = node.byKey.get(key);
    const h = hertz.byKey.get(key);
    if (n === undefined || h === undefined) {
      if (
        key === "max-age" &&
        h === undefined &&
        node.maxAge === 0 &&
        hertz.expires !== undefined &&
        nodeDeletes &&
        hertzDeletes
      ) {
        tolerated.push({
          id: "deletion-without-max-age",
          detail: `Node ${show(n)}, Hertz deletes through expires=${hertz.byKey.get("expires")!.value}`,
        });
        continue;
      }
      differences.push(`${key}: Node ${show(n)} vs Hertz ${show(h)}`);
      continue;
    }

    if (n.name !== h.name) {
      const t = TOLERATED.find((x) => x.node === n.name && x.hertz === h.name);
      if (t) tolerated.push({ id: t.id, detail: `${n.name} → ${h.name}` });
      else differences.push(`attribute spelled ${n.name} by Node, ${h.name} by Hertz`);
    }

    switch (key) {
      case "expires": {
        if (node.expires === undefined || hertz.expires === undefined) {
          differences.push(`expires: unparsable date: Node ${show(n)}, Hertz ${show(h)}`);
        } else if (Math.abs(node.expires.getTime() - hertz.expires.getTime()) > slack) {
          differences.push(`expires: Node ${n.value} vs Hertz ${h.value}`);
        }
        break;
      }
      case "max-age": {
        const a = node.maxAge;
        const b = hertz.maxAge;
        const same = a !== undefined && b !== undefined && (a > 0 || b > 0 ? a === b : nodeDeletes);
        if (!same) differences.push(`max-age: Node ${show(n)} vs Hertz ${show(h)}`);
        break;
      }
      default:
        // Path, Domain, SameSite values and the flags (HttpOnly, Secure: no value) are equal.
        if (n.value !== h.value) differences.push(`${key}: Node ${show(n)} vs Hertz ${show(h)}`);
    }
  }

  const common = (order: string[], other: Side) => order.filter((k) => other.byKey.has(k));
  const nodeOrder = common(node.order, hertz);
  const hertzOrder = common(hertz.order, node);
  if (nodeOrder.join() !== hertzOrder.join()) {
    if (follows(nodeOrder, NET_HTTP_ORDER) && follows(hertzOrder, HERTZ_ORDER)) {
      tolerated.push({
        id: "order",
        detail: `Node ${nodeOrder.join(", ")}; Hertz ${hertzOrder.join(", ")}`,
      });
    } else {
      differences.push(
        `attribute order: Node ${nodeOrder.join(", ")} vs Hertz ${hertzOrder.join(", ")}`,
      );
    }
  }

  return { differences, tolerated };
}

/**
 * Throws when the two headers differ beyond `TOLERATED`; returns the tolerated differences.
 */
export function assertSameSetCookie(
  nodeHeader: string,
  hertzHeader: string,
  opts: CompareOptions = {},
): ObservedTolerance[] {
  const { differences, tolerated } = compareSetCookie(nodeHeader, hertzHeader, opts);
  if (differences.length > 0) {
    throw new Error(
      `Set-Cookie headers differ:\n  Node:  ${nodeHeader}\n  Hertz: ${hertzHeader}\n  - ${differences.join("\n  - ")}`,
    );
  }
  return tolerated;
}

/** The `TOLERATED` entry of `id` (for messages and documentation). */
export function describeTolerance(id: ToleranceId): string {
  const t = tolerance(id);
  return `${t.node} (net/http) vs ${t.hertz} (Hertz): ${t.why}`;
}
