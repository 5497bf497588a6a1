/**
 * The Set-Cookie comparison of the interop tests: the spellings Hertz uses are accepted,
 * anything that changes the meaning of the cookie is reported.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { newCookie } from "../../src/sessions/cookieHeader.ts";
import { SameSite } from "../../src/sessions/Options.ts";
import { compareSetCookie, TOLERATED } from "../support/setCookieCompare.ts";

const Compare = suite("setCookieCompare");

const now = Date.UTC(2026, 0, 2, 3, 4, 5);
const in600 = new Date(now + 600_000).toUTCString();
const node = newCookie(
  "mysession",
  "abc=",
  {
    Path: "/p",
    Domain: "example.com",
    MaxAge: 600,
    Secure: true,
    HttpOnly: true,
    SameSite: SameSite.StrictMode,
  },
  now,
);
const hertz = `mysession=xyz=; max-age=600; expires=${in600}; domain=example.com; path=/p; HttpOnly; secure; SameSite=Strict`;

Compare("Hertz's spelling and order of the same options are tolerated, each named", () => {
  assert.is(
    node,
    `mysession=abc=; Path=/p; Domain=example.com; Expires=${in600}; Max-Age=600; HttpOnly; Secure; SameSite=Strict`,
  );
  const { differences, tolerated } = compareSetCookie(node, hertz, { now });
  assert.equal(differences, []);
  assert.equal(
    tolerated.map((t) => t.id),
    [
      "spelling:Path",
      "spelling:Domain",
      "spelling:Expires",
      "spelling:Max-Age",
      "spelling:Secure",
      "order",
    ],
  );
  for (const t of tolerated) assert.ok(TOLERATED.some((x) => x.id === t.id));
});

Compare("a deletion: Max-Age=0 against Hertz's lone past expires", () => {
  const del = newCookie("mysession", "v", { Path: "/", MaxAge: -1 }, now);
  assert.is(del, "mysession=v; Path=/; Expires=Thu, 01 Jan 1970 00:00:01 GMT; Max-Age=0");
  const { differences, tolerated } = compareSetCookie(
    del,
    "mysession=w; expires=Thu, 01 Jan 1970 00:00:01 GMT; path=/",
    { now },
  );
  assert.equal(differences, []);
  assert.equal(
    tolerated.map((t) => t.id),
    ["spelling:Path", "spelling:Expires", "deletion-without-max-age", "order"],
  );
});

Compare("identical headers have no difference at all", () => {
  const h = "mysession=v; Path=/; HttpOnly; SameSite=Lax";
  assert.equal(compareSetCookie(h, h, { now }), { differences: [], tolerated: [] });
});

Compare("every change of meaning is reported", () => {
  const diff = (hertzHeader: string, nodeHeader = node) =>
    compareSetCookie(nodeHeader, hertzHeader, { now }).differences;
  const swap = (from: string, to: string) => hertz.replace(from, to);
  assert.equal(diff(swap("path=/p", "path=/q")), ["path: Node Path=/p vs Hertz path=/q"]);
  assert.equal(diff(swap("domain=example.com; ", "")), [
    "domain: Node Domain=example.com vs Hertz (absent)",
  ]);
  assert.equal(diff(swap("; secure", "")), ["secure: Node Secure vs Hertz (absent)"]);
  assert.equal(diff(swap("; HttpOnly", "")), ["httponly: Node HttpOnly vs Hertz (absent)"]);
  assert.equal(diff(swap("SameSite=Strict", "SameSite=Lax")), [
    "samesite: Node SameSite=Strict vs Hertz SameSite=Lax",
  ]);
  assert.equal(diff(swap("max-age=600", "max-age=60")), [
    "max-age: Node Max-Age=600 vs Hertz max-age=60",
  ]);
  assert.equal(diff(swap("mysession=", "other=")), ["cookie name: Node mysession vs Hertz other"]);
  const later = new Date(now + 660_000).toUTCString();
  assert.equal(diff(swap(in600, later)), [`expires: Node ${in600} vs Hertz ${later}`]);
  // Within the slack: two requests a second apart.
  assert.equal(diff(swap(in600, new Date(now + 601_000).toUTCString())), []);
  // A spelling no entry names.
  assert.equal(diff(swap("HttpOnly", "httponly")), [
    "attribute spelled HttpOnly by Node, httponly by Hertz",
  ]);
  assert.equal(diff(swap("SameSite=Strict", "samesite=Strict")), [
    "attribute spelled SameSite by Node, samesite by Hertz",
  ]);
  // An attribute only one side has, and an order neither writer uses.
  assert.equal(diff(`${hertz}; Partitioned`), ["partitioned: Node (absent) vs Hertz Partitioned"]);
  assert.equal(diff(swap("; HttpOnly; secure", "; secure; HttpOnly")), [
    "attribute order: Node path, domain, expires, max-age, httponly, secure, samesite vs Hertz max-age, expires, domain, path, secure, httponly, samesite",
  ]);
  assert.equal(diff(`${hertz}; path=/p`), [
    "Hertz repeats the attribute path",
    "attribute order: Node path, domain, expires, max-age, httponly, secure, samesite vs Hertz max-age, expires, domain, path, httponly, secure, samesite, path",
  ]);
});

Compare("a deletion on one side only is reported", () => {
  const del = "mysession=w; expires=Thu, 01 Jan 1970 00:00:01 GMT; path=/";
  const kept = newCookie("mysession", "v", { Path: "/", MaxAge: 60 }, now);
  const { differences } = compareSetCookie(kept, del, { now });
  assert.ok(differences.includes("deletion: Node keeps the cookie, Hertz deletes it"));
  // A Max-Age=0 against a session cookie (no Max-Age, no Expires).
  const del0 = newCookie("mysession", "v", { Path: "/", MaxAge: -1 }, now);
  assert.ok(
    compareSetCookie(del0, "mysession=w; path=/", { now }).differences.includes(
      "deletion: Node deletes the cookie, Hertz keeps it",
    ),
  );
});

Compare.run();
