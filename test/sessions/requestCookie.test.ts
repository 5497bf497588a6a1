/**
 * Request cookies against Go's `(*http.Request).Cookie(name)`
 * (test/vectors/setcookie.json, written by compat/cmd/vectors/setcookie.go).
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, request } from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { cookieFromHeader, requestCookie } from "../../src/sessions/requestCookie.ts";

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

test.run();
