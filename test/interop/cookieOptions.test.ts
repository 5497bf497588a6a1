/**
 * The same session options give the same cookie from Hertz and from Node: the Set-Cookie
 * headers of the Go peer and of the demo app are compared attribute by attribute and by
 * meaning (test/support/setCookieCompare.ts), and each case names the spelling differences
 * it meets, all of them Hertz's re-serialization of net/http's header.
 *
 * Each options request is made on a session the other side wrote, so the cookie is also
 * read across, and then read back by the other side under the new options.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { captureLogAsync } from "../support/captureLog.ts";
import { CookieJar, parseSetCookie } from "../support/cookieJar.ts";
import { assertSameSetCookie, type ToleranceId } from "../support/setCookieCompare.ts";
import { KEYS, type SideName, type Sides, startSides } from "./cookieSides.ts";

const Options = suite("interop: the same options give the same Set-Cookie on Hertz and Node");
let sides: Sides | null = null;

Options.before(async () => {
  sides = await startSides(KEYS);
});

Options.after(async () => {
  await sides?.stop();
});

const other = (side: SideName): SideName => (side === "go" ? "node" : "go");

/** Logs in on the other side, then GETs `path` on `side`: the one Set-Cookie it sent. */
async function headerOf(side: SideName, path: string): Promise<string> {
  const jar = new CookieJar();
  assert.is((await sides!.get(jar, other(side), "/login?user=ann")).status, 200);
  const headers = await sides!.setCookies(jar, side, path);
  assert.is(headers.length, 1, `${side} ${path}: ${headers.join(" | ")}`);
  return headers[0];
}

const SPELL_EXPIRES_MAX_AGE: ToleranceId[] = ["spelling:Expires", "spelling:Max-Age"];

/** The query of /options, and the tolerated differences it shows. */
const cases: Array<[query: string, tolerated: ToleranceId[]]> = [
  // All zero values: a session cookie with no attribute at all.
  ["", []],
  [
    "maxAge=600&path=/&domain=example.com&secure=1&httponly=1&samesite=strict",
    ["spelling:Path", "spelling:Domain", ...SPELL_EXPIRES_MAX_AGE, "spelling:Secure", "order"],
  ],
  [
    "maxAge=60&path=/&httponly=1&samesite=lax",
    ["spelling:Path", ...SPELL_EXPIRES_MAX_AGE, "order"],
  ],
  [
    "maxAge=60&path=/&secure=1&samesite=none",
    ["spelling:Path", ...SPELL_EXPIRES_MAX_AGE, "spelling:Secure", "order"],
  ],
  // SameSiteDefaultMode: no SameSite attribute from either side (Go 1.26 writes none).
  ["maxAge=60&path=/&samesite=default", ["spelling:Path", ...SPELL_EXPIRES_MAX_AGE, "order"]],
  ["path=/", ["spelling:Path"]],
  ["httponly=1", []],
  ["maxAge=60", [...SPELL_EXPIRES_MAX_AGE, "order"]],
  ["maxAge=2592000&path=/sub/dir", ["spelling:Path", ...SPELL_EXPIRES_MAX_AGE, "order"]],
  // net/http's cleaning, which Hertz's re-parse keeps: a leading dot is stripped, an invalid
  // domain is dropped, bytes invalid in a path are dropped.
  ["domain=.example.com&path=/", ["spelling:Path", "spelling:Domain", "order"]],
  ["domain=127.0.0.1&path=/", ["spelling:Path", "spelling:Domain", "order"]],
  ["domain=bad_domain!&path=/", ["spelling:Path"]],
  ["path=/a%3Bb", ["spelling:Path"]],
  // MaxAge < 0: deletion.
  ["maxAge=-5&path=/", ["spelling:Path", "spelling:Expires", "deletion-without-max-age", "order"]],
  ["maxAge=-1", ["spelling:Expires", "deletion-without-max-age"]],
];

Options("every /options case: same meaning, only the listed spelling differences", async () => {
  if (!sides) return;
  // The invalid domain and path cases log what net/http logs; the next test checks it.
  await captureLogAsync(async () => {
    for (const [query, want] of cases) {
      const path = `/options?${query}`;
      const node = await headerOf("node", path);
      const hertz = await headerOf("go", path);
      const tolerated = assertSameSetCookie(node, hertz);
      assert.equal(
        tolerated.map((t) => t.id),
        want,
        `${query}\n  Node:  ${node}\n  Hertz: ${hertz}`,
      );
    }
  });
});

Options("SameSite default, an invalid domain and a cleaned path read the same", async () => {
  if (!sides) return;
  const logged = await captureLogAsync(async () => {
    for (const side of ["node", "go"] as const) {
      const def = parseSetCookie(await headerOf(side, "/options?maxAge=60&samesite=default"));
      assert.is(def.sameSite, undefined, side);
      assert.is(
        def.attributes.some((a) => a.name.toLowerCase() === "samesite"),
        false,
        side,
      );
      const bad = parseSetCookie(await headerOf(side, "/options?domain=bad_domain!&path=/"));
      assert.is(bad.domain, undefined, side);
      const dotted = parseSetCookie(await headerOf(side, "/options?domain=.example.com"));
      assert.is(dotted.domain, "example.com", side);
      const cleaned = parseSetCookie(await headerOf(side, "/options?path=/a%3Bb"));
      assert.is(cleaned.path, "/ab", side);
    }
  });
  assert.match(logged.join(""), /net\/http: invalid Cookie\.Domain "bad_domain!"; dropping domain/);
  assert.match(
    logged.join(""),
    /net\/http: invalid byte ';' in Cookie\.Path; dropping invalid bytes/,
  );
  assert.match(
    sides.peer.stderr(),
    /net\/http: invalid Cookie\.Domain "bad_domain!"; dropping domain/,
  );
});

Options("the store's default options (login) and a logout compare the same", async () => {
  if (!sides) return;
  const login = assertSameSetCookie(
    await headerOf("node", "/login?user=bob"),
    await headerOf("go", "/login?user=bob"),
  );
  assert.equal(
    login.map((t) => t.id),
    ["spelling:Path", ...SPELL_EXPIRES_MAX_AGE, "order"],
  );
  const logout = assertSameSetCookie(
    await headerOf("node", "/logout"),
    await headerOf("go", "/logout"),
  );
  assert.equal(
    logout.map((t) => t.id),
    ["spelling:Path", "spelling:Expires", "deletion-without-max-age", "order"],
  );
});

Options("options written by one side are read by the other, then the defaults return", async () => {
  if (!sides) return;
  for (const side of ["node", "go"] as const) {
    const jar = new CookieJar();
    await sides.get(jar, other(side), "/login?user=ann");
    await sides.get(jar, side, "/options?maxAge=120&path=/&httponly=1&samesite=strict");
    const c = parseSetCookie(jar.lastSetCookie[0]);
    assert.equal([c.maxAge, c.path, c.httpOnly, c.sameSite], [120, "/", true, "Strict"], side);
    // The other side gets the cookie and reads the session written under those options.
    assert.equal(await sides.get(jar, other(side), "/home"), {
      status: 200,
      body: { user: "ann", count: 1, flashes: ["Welcome, ann!"] },
    });
    const back = parseSetCookie(jar.lastSetCookie[0]);
    assert.equal(
      [back.maxAge, back.path, back.httpOnly, back.sameSite],
      [2592000, "/", false, undefined],
    );
    // A path elsewhere: the jar keeps it apart, so the session at "/" is untouched.
    await sides.get(jar, side, "/options?maxAge=60&path=/elsewhere");
    assert.equal(await sides.get(jar, other(side), "/home"), {
      status: 200,
      body: { user: "ann", count: 2, flashes: [] },
    });
    // MaxAge < 0 from this side deletes the cookie for both.
    await sides.get(jar, side, "/options?maxAge=-1&path=/");
    assert.is(jar.header("/home"), "", side);
    assert.equal(await sides.get(jar, other(side), "/home"), {
      status: 401,
      body: { error: "not logged in" },
    });
  }
});

Options.run();
