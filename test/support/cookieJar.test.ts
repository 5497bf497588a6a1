import { createServer, type Server } from "node:http";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { CookieJar, parseSetCookie } from "./cookieJar.ts";

const Parse = suite("cookieJar: parseSetCookie");

Parse("keeps every attribute in header order, names as written", () => {
  const c = parseSetCookie(
    "mysession=abc=; max-age=60; expires=Thu, 01 Jan 1970 00:00:01 GMT; domain=example.com; path=/x; HttpOnly; secure; SameSite=Lax",
  );
  assert.is(c.name, "mysession");
  assert.is(c.value, "abc=");
  assert.equal(
    c.attributes.map((a) => a.name),
    ["max-age", "expires", "domain", "path", "HttpOnly", "secure", "SameSite"],
  );
  assert.equal(c.attributes[4], { name: "HttpOnly", value: null });
  assert.is(c.maxAge, 60);
  assert.is(c.expires?.getTime(), 1000);
  assert.is(c.domain, "example.com");
  assert.is(c.path, "/x");
  assert.ok(c.httpOnly);
  assert.ok(c.secure);
  assert.is(c.sameSite, "Lax");
});

Parse("Go's net/http spelling parses the same", () => {
  const c = parseSetCookie("a=b; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict");
  assert.is(c.maxAge, 0);
  assert.is(c.path, "/");
  assert.ok(c.secure && c.httpOnly);
  assert.is(c.sameSite, "Strict");
  assert.is(c.expires, undefined);
  assert.is(c.domain, undefined);
});

Parse.run();

const Jar = suite("cookieJar: CookieJar");

Jar("stores, replaces and sends cookies by name and path", () => {
  const jar = new CookieJar();
  jar.setCookie("a=1; Path=/");
  jar.setCookie("b=2; Path=/app");
  assert.is(jar.header("/"), "a=1");
  assert.is(jar.header("/app/x?q=1"), "b=2; a=1");
  assert.is(jar.header("/apple"), "a=1");
  jar.setCookie("a=3; Path=/");
  assert.is(jar.get("a"), "3");
  assert.is(jar.header("http://127.0.0.1:1/"), "a=3");
});

Jar("Max-Age <= 0 and a past Expires delete; Max-Age beats Expires", () => {
  const jar = new CookieJar();
  jar.setCookie("a=1; Path=/");
  jar.setCookie("a=; max-age=0; path=/");
  assert.is(jar.get("a"), undefined);
  jar.setCookie("b=1; Path=/");
  jar.setCookie("b=x; expires=Thu, 01 Jan 1970 00:00:01 GMT; path=/");
  assert.is(jar.get("b"), undefined);
  jar.setCookie("c=1; max-age=60; expires=Thu, 01 Jan 1970 00:00:01 GMT; path=/");
  assert.is(jar.get("c"), "1");
  const now = Date.now();
  jar.setCookie("d=1; max-age=10; path=/", undefined, now);
  assert.is(jar.get("d", now + 9_000), "1");
  assert.is(jar.get("d", now + 11_000), undefined);
  assert.equal(jar.names(now + 11_000), ["c"]);
});

Jar("a cookie without Path takes the request path's directory", () => {
  const jar = new CookieJar();
  jar.setCookie("a=1", "http://127.0.0.1/app/login");
  assert.is(jar.header("/app/home"), "a=1");
  assert.is(jar.header("/"), "");
  jar.setCookie("b=1", "http://127.0.0.1/login");
  assert.is(jar.header("/"), "b=1");
});

Jar("fetch sends the Cookie header and stores every Set-Cookie", async () => {
  const seen: Array<string | undefined> = [];
  const srv: Server = createServer((req, res) => {
    seen.push(req.headers.cookie);
    res.setHeader("set-cookie", ["s=1; Path=/", "t=2; Path=/; Max-Age=100"]);
    res.end("ok");
  });
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const { port } = srv.address() as { port: number };
  try {
    const jar = new CookieJar();
    await (await jar.fetch(`http://127.0.0.1:${port}/`)).text();
    await (await jar.fetch(`http://127.0.0.1:${port}/`)).text();
    assert.equal(seen, [undefined, "s=1; t=2"]);
    assert.equal(jar.lastSetCookie, ["s=1; Path=/", "t=2; Path=/; Max-Age=100"]);
  } finally {
    srv.close();
  }
});

Jar.run();
