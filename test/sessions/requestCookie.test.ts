/**
 * Request cookies against Go's `(*http.Request).Cookie(name)`
 * (test/vectors/setcookie.json, written by compat/cmd/vectors/setcookie.go), and against Go
 * itself for random headers (compat/cmd/gocodec, ops in cookieheader.go).
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, request } from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { cookieFromHeader, requestCookie } from "../../src/sessions/requestCookie.ts";
import { GoCodec } from "../support/gocodec.ts";

interface RequestCookieCase {
  lines: string[] | null;
  name: string;
  found: boolean;
  value: string;
}

const vectors = JSON.parse(
  readFileSync(new URL("../vectors/setcookie.json", import.meta.url), "utf8"),
) as { requestCookie: RequestCookieCase[] };

/** A request as node:http presents it: repeated Cookie headers joined with "; ". */
function fakeRequest(lines: string[] | null): IncomingMessage {
  const headers = lines === null ? {} : { cookie: lines.join("; ") };
  return { headers } as IncomingMessage;
}

test("the vectors cover hits, misses, quoting and the cookie limit", () => {
  const cases = vectors.requestCookie;
  assert.ok(cases.some((c) => c.found) && cases.some((c) => !c.found));
  assert.ok(cases.some((c) => (c.lines?.join("").length ?? 0) > 12_000 && !c.found));
  assert.ok(cases.some((c) => (c.lines?.join("").length ?? 0) > 12_000 && c.found));
});

test("requestCookie equals Go's r.Cookie(name)", () => {
  for (const c of vectors.requestCookie) {
    const got = requestCookie(fakeRequest(c.lines), c.name);
    const label = JSON.stringify({ ...c, lines: c.lines?.map((l) => l.slice(0, 60)) });
    assert.is(got, c.found ? c.value : undefined, label);
  }
});

test("repeated and interleaved lookups give each header and name its own answer", () => {
  const a = fakeRequest(["x=1; y=2"]);
  const b = fakeRequest(["x=3"]);
  const expected: Array<[IncomingMessage, string, string | undefined]> = [
    [a, "x", "1"],
    [a, "x", "1"],
    [a, "y", "2"],
    [b, "x", "3"],
    [b, "y", undefined],
    [a, "x", "1"],
    [fakeRequest(null), "x", undefined],
    [b, "x", "3"],
  ];
  for (const [req, name, want] of expected) assert.is(requestCookie(req, name), want);
});

test("cookieFromHeader reads a header line directly", () => {
  assert.is(cookieFromHeader("a=1; b=2", "b"), "2");
  assert.is(cookieFromHeader("a=1; b=2", "c"), undefined);
});

test("node:http joins repeated Cookie headers the way Go reads them", async () => {
  let seen: string | undefined;
  const server = createServer((req, res) => {
    seen = requestCookie(req, "mysession");
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, headers: { cookie: ["a=1", "mysession=2"] } });
    req.on("response", (res) => {
      res.resume();
      res.on("end", resolve);
    });
    req.on("error", reject);
    req.end();
  });
  server.close();
  assert.is(seen, "2");
});

let go: GoCodec | null = null;
test.before(() => {
  go = GoCodec.start();
});
test.after(() => {
  go?.close();
});

/** Bytes as node:http gives them, one a character, in base64 for Go. */
function bytes64(s: string): string {
  return Buffer.from(s, "latin1").toString("base64");
}

test("random headers: requestCookie finds what Go's r.Cookie(name) finds", async () => {
  if (!go) return;
  // A line is cookie pairs between separators; names, spaces, quotes and bytes Go refuses
  // in values all vary.
  const names = ["mysession", "a", "x", "b1", "my session", "a=b", ""];
  const piece = fc.constantFrom(
    ...'= ; \t " \\ , b1 x=y \x7f \x00 \xfc \xc3\xbc ! # ( ) ~ v 0 -_'.split(" "),
    " ",
  );
  const pair = fc
    .tuple(
      fc.constantFrom("", " ", "\t"),
      fc.constantFrom(...names),
      fc.constantFrom("", " "),
      fc.constantFrom("=", "=", "=", ""),
      fc.array(piece, { maxLength: 6 }),
    )
    .map(([before, n, after, eq, value]) => before + n + after + eq + value.join(""));
  const line = fc
    .tuple(fc.array(pair, { maxLength: 4 }), fc.constantFrom(";", "; ", ";;", " ; "))
    .map(([pairs, sep]) => pairs.join(sep));
  const name = fc.constantFrom(...names);
  const seen = { found: 0, missing: 0 };
  await fc.assert(
    fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 3 }), name, async (lines, n) => {
      const theirs = await go!.call<{ found: boolean; value: string }>("requestCookie", {
        lines: lines.map(bytes64),
        name: bytes64(n),
      });
      const ours = requestCookie(fakeRequest(lines), n);
      const label = JSON.stringify({ lines, n });
      assert.is(ours !== undefined, theirs.found, label);
      seen[theirs.found ? "found" : "missing"]++;
      if (ours !== undefined) assert.is(bytes64(ours), theirs.value, label);
    }),
    { numRuns: 1500 },
  );
  assert.ok(seen.found > 100 && seen.missing > 100, JSON.stringify(seen));
});

test.run();
