/**
 * The middleware mounted in an Express 5 app: Default(req) on Express's request, Save from
 * async route handlers, a failing store reaching Express's error handler.
 */
import express from "express";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Default } from "../../src/sessions/defaultSession.ts";
import { New } from "../../src/sessions/middleware.ts";
import { CookieJar } from "../support/cookieJar.ts";
import { MemoryStore } from "../support/memoryStore.ts";
import { serve } from "../support/serve.ts";

function app(store: MemoryStore) {
  const a = express();
  a.use(New("mysession", store));
  a.get("/incr", async (req, res) => {
    const s = Default(req);
    const n = ((s.Get("count") as number | undefined) ?? 0) + 1;
    s.Set("count", n);
    await s.Save();
    res.json({ count: n });
  });
  a.use((err: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(500).json({ error: err.message });
  });
  return a;
}

test("Express: the session survives across requests", async () => {
  const store = new MemoryStore();
  const handler = app(store);
  const srv = await serve((req, res) => handler(req, res));
  try {
    const jar = new CookieJar();
    for (let i = 1; i <= 3; i++) {
      const res = await jar.fetch(`${srv.url}/incr`);
      assert.equal(await res.json(), { count: i });
    }
    assert.is(store.calls.Get, 2, "the first request had no cookie");
  } finally {
    await srv.close();
  }
});

test("Express: a rejected store.Get reaches the error handler", async () => {
  const store = new MemoryStore();
  store.failGet = new Error("store down");
  const handler = app(store);
  const srv = await serve((req, res) => handler(req, res));
  try {
    const res = await fetch(`${srv.url}/incr`, { headers: { cookie: "mysession=x" } });
    assert.is(res.status, 500);
    assert.equal(await res.json(), { error: "store down" });
  } finally {
    await srv.close();
  }
});

test.run();
