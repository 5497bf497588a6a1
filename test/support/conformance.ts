/**
 * The store-agnostic session suite: a port of hertz-contrib/sessions v1.0.3
 * `tester/tester.go` (GetSet, DeleteKey, Flashes, Clear, Options, Many) and
 * `tester/tester_options_samesite.go`, on real node:http servers over loopback with a cookie
 * jar, plus the behaviours every store shares (bad cookie, counter, IsNew).
 *
 *   runConformance("cookie", () => cookie.NewStore(Buffer.from("secret")));
 *
 * Where Go's tester checks inside a handler (`t.Error`), the handlers here answer what they
 * saw and the test asserts on the answer; where it replays Set-Cookie as a Cookie header, a
 * jar does what a browser does.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Default, DefaultMany } from "../../src/sessions/defaultSession.ts";
import { SetLogger } from "../../src/sessions/logger.ts";
import { Many, New } from "../../src/sessions/middleware.ts";
import { SameSite } from "../../src/sessions/Options.ts";
import type { RequestSession } from "../../src/sessions/RequestSession.ts";
import type { Store } from "../../src/sessions/Store.ts";
import { captureLogAsync } from "./captureLog.ts";
import { CookieJar, parseSetCookie } from "./cookieJar.ts";
import { serve } from "./serve.ts";

const sessionName = "mysession";
const ok = "ok";

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<unknown> | unknown;

/** Serves `routes` (by path) behind `middleware`; each handler's result is the JSON body. */
async function app(
  middleware: ReturnType<typeof New>,
  routes: Record<string, Handler>,
): Promise<{ url: string; close(): Promise<void> }> {
  return serve((req, res) => {
    const route = routes[(req.url ?? "/").split("?")[0]];
    if (route === undefined) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const done = middleware(req, res, async () => {
      const body = await route(req, res);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(body ?? ok));
    });
    Promise.resolve(done).catch((err: Error) => {
      if (!res.headersSent) res.statusCode = 500;
      res.end(JSON.stringify({ error: err.message }));
    });
  });
}

async function get(jar: CookieJar, url: string): Promise<unknown> {
  const res = await jar.fetch(url);
  const body = await res.json();
  assert.is(res.status, 200, JSON.stringify(body));
  return body;
}

/**
 * Runs the suite on the store `newStore` makes (a fresh one per test); `cleanup` runs after
 * each test with that store (close connections, flush data).
 */
export function runConformance(
  storeName: string,
  newStore: () => Store | Promise<Store>,
  cleanup?: (store: Store) => void | Promise<void>,
): void {
  const t = suite(`conformance: ${storeName}`);
  conformanceTests(t, newStore, cleanup);
  t.run();
}

/**
 * Adds the suite's tests with `t`, e.g. a live Redis suite's `liveTest`: `newStore` makes a
 * fresh store per test from the test's context, and `cleanup` runs after each test with it.
 */
export function conformanceTests<Ctx>(
  t: (title: string, fn: (ctx: Ctx) => Promise<void>) => void,
  newStore: (ctx: Ctx) => Store | Promise<Store>,
  cleanup?: (store: Store) => void | Promise<void>,
): void {
  /** Runs `fn` with a fresh store and cleans up after it. */
  async function withStore(ctx: Ctx, fn: (store: Store) => Promise<void>): Promise<void> {
    const store = await newStore(ctx);
    try {
      await fn(store);
    } finally {
      await cleanup?.(store);
    }
  }

  t("GetSet: a value set on one request is there on the next", (ctx) =>
    withStore(ctx, async (store) => {
      const srv = await app(New(sessionName, store), {
        "/set": async (req) => {
          const session = Default(req);
          session.Set("key", ok);
          await session.Save();
        },
        "/get": async (req) => {
          const session = Default(req);
          const value = session.Get("key");
          await session.Save();
          return { value };
        },
      });
      try {
        const jar = new CookieJar();
        await get(jar, `${srv.url}/set`);
        assert.equal(await get(jar, `${srv.url}/get`), { value: ok }, "Session writing failed");
      } finally {
        await srv.close();
      }
    }),
  );

  t("DeleteKey: a deleted value is gone on the next request", (ctx) =>
    withStore(ctx, async (store) => {
      const srv = await app(New(sessionName, store), {
        "/set": async (req) => {
          Default(req).Set("key", ok);
          await Default(req).Save();
        },
        "/delete": async (req) => {
          Default(req).Delete("key");
          await Default(req).Save();
        },
        "/get": async (req) => {
          const value = Default(req).Get("key") ?? null;
          await Default(req).Save();
          return { value };
        },
      });
      try {
        const jar = new CookieJar();
        await get(jar, `${srv.url}/set`);
        await get(jar, `${srv.url}/delete`);
        assert.equal(await get(jar, `${srv.url}/get`), { value: null }, "Session deleting failed");
      } finally {
        await srv.close();
      }
    }),
  );

  t("Flashes: one flash is read once, then there are none", (ctx) =>
    withStore(ctx, async (store) => {
      const srv = await app(New(sessionName, store), {
        "/set": async (req) => {
          Default(req).AddFlash(ok);
          await Default(req).Save();
        },
        "/flash": async (req) => {
          const flashes = Default(req).Flashes();
          await Default(req).Save();
          return { flashes };
        },
      });
      try {
        const jar = new CookieJar();
        await get(jar, `${srv.url}/set`);
        assert.equal(await get(jar, `${srv.url}/flash`), { flashes: [ok] });
        assert.equal(
          await get(jar, `${srv.url}/flash`),
          { flashes: [] },
          "flashes count is not 0 after reading",
        );
      } finally {
        await srv.close();
      }
    }),
  );

  t("Clear: values set then cleared are not saved", (ctx) =>
    withStore(ctx, async (store) => {
      const data: Record<string, string> = { key: "val", foo: "bar" };
      const srv = await app(New(sessionName, store), {
        "/set": async (req) => {
          const session = Default(req);
          for (const [k, v] of Object.entries(data)) session.Set(k, v);
          session.Clear();
          await session.Save();
        },
        "/check": async (req) => {
          const session = Default(req);
          const seen = Object.keys(data).map((k) => session.Get(k) ?? null);
          await session.Save();
          return { seen };
        },
      });
      try {
        const jar = new CookieJar();
        await get(jar, `${srv.url}/set`);
        assert.equal(
          await get(jar, `${srv.url}/check`),
          { seen: [null, null] },
          "Session clear failed",
        );
      } finally {
        await srv.close();
      }
    }),
  );

  t("Options: store and session options reach the Set-Cookie header; MaxAge -1 expires", (ctx) =>
    withStore(ctx, async (store) => {
      store.Options({ Domain: "localhost" });
      const srv = await app(New(sessionName, store), {
        "/domain": async (req) => {
          const session = Default(req);
          session.Set("key", ok);
          session.Options({ Path: "/foo/bar/bat" });
          await session.Save();
        },
        "/path": async (req) => {
          Default(req).Set("key", ok);
          await Default(req).Save();
        },
        "/set": async (req) => {
          Default(req).Set("key", ok);
          await Default(req).Save();
        },
        "/expire": async (req) => {
          Default(req).Options({ MaxAge: -1 });
          await Default(req).Save();
        },
        "/check": (req) => ({ value: Default(req).Get("key") ?? null }),
        "/sameSite": async (req) => {
          const session = Default(req);
          session.Set("key", ok);
          session.Options({ SameSite: SameSite.StrictMode });
          await session.Save();
        },
      });
      try {
        const second = async (path: string) => {
          const jar = new CookieJar();
          await get(jar, `${srv.url}${path}`);
          assert.is(jar.lastSetCookie.length, 1, path);
          return jar.lastSetCookie[0].split(";")[1];
        };
        assert.is(await second("/domain"), " Path=/foo/bar/bat", "Error writing path with options");
        assert.is(await second("/path"), " Domain=localhost", "Error writing domain with options");
        assert.is(
          await second("/sameSite"),
          " SameSite=Strict",
          "Error writing same site with options",
        );

        const logged = await captureLogAsync(async () => {
          const jar = new CookieJar();
          await get(jar, `${srv.url}/set`);
          // Only that a cookie is written: with the store's MaxAge 0 (replaced by Options above)
          // the Redis stores delete on Save and write an empty one, as Go's do.
          assert.is(jar.lastSetCookie.length, 1, "/set writes the session cookie");
          await get(jar, `${srv.url}/expire`);
          const expired = parseSetCookie(jar.lastSetCookie[0]);
          assert.is(expired.maxAge, 0);
          assert.is(expired.expires?.getTime(), 1000);
          assert.is(jar.get(sessionName), undefined, "the browser drops the cookie");
          assert.equal(
            await get(jar, `${srv.url}/check`),
            { value: null },
            "Session expiration failed",
          );
        });
        // That empty cookie is a bad cookie to the next request, logged as Hertz logs it.
        for (const line of logged) {
          assert.match(line, /^\[sessions\] ERROR! securecookie: the value is not valid/);
        }
      } finally {
        await srv.close();
      }
    }),
  );

  t("Many: two sessions of one store, each with its own cookie", (ctx) =>
    withStore(ctx, async (store) => {
      const srv = await app(Many(["a", "b"], store), {
        "/set": async (req) => {
          const sessionA = DefaultMany(req, "a");
          sessionA.Set("hello", "world");
          await sessionA.Save();
          const sessionB = DefaultMany(req, "b");
          sessionB.Set("foo", "bar");
          await sessionB.Save();
        },
        "/get": async (req) => {
          const a = DefaultMany(req, "a").Get("hello");
          const b = DefaultMany(req, "b").Get("foo");
          await DefaultMany(req, "a").Save();
          await DefaultMany(req, "b").Save();
          return { a, b };
        },
      });
      try {
        const jar = new CookieJar();
        await get(jar, `${srv.url}/set`);
        assert.equal(jar.names().sort(), ["a", "b"]);
        assert.equal(
          await get(jar, `${srv.url}/get`),
          { a: "world", b: "bar" },
          "Session writing failed",
        );
      } finally {
        await srv.close();
      }
    }),
  );

  t("a counter survives many requests; IsNew only on the first", (ctx) =>
    withStore(ctx, async (store) => {
      const srv = await app(New(sessionName, store), {
        "/incr": async (req) => {
          const session = Default(req);
          const isNew = (session as RequestSession).Session().IsNew;
          const count = ((session.Get("count") as number | undefined) ?? 0) + 1;
          session.Set("count", count);
          await session.Save();
          return { count, isNew };
        },
      });
      try {
        const jar = new CookieJar();
        for (let i = 1; i <= 5; i++) {
          assert.equal(await get(jar, `${srv.url}/incr`), { count: i, isNew: i === 1 });
        }
      } finally {
        await srv.close();
      }
    }),
  );

  t("a bad cookie gives a new empty session and a logged error; the request succeeds", (ctx) =>
    withStore(ctx, async (store) => {
      const srv = await app(New(sessionName, store), {
        "/set": async (req) => {
          Default(req).Set("key", ok);
          await Default(req).Save();
        },
        "/get": (req) => {
          const s = Default(req) as RequestSession;
          return {
            value: s.Get("key") ?? null,
            isNew: s.Session().IsNew,
            size: s.Session().Values.size,
          };
        },
      });
      const lines: string[] = [];
      const previous = SetLogger((m) => lines.push(m));
      try {
        const jar = new CookieJar();
        await get(jar, `${srv.url}/set`);
        const good = jar.get(sessionName)!;
        const tampered = good.slice(0, -4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA");
        for (const bad of [tampered, "garbage", "", "a|b|c", `${good}x`]) {
          jar.set(sessionName, bad);
          lines.length = 0;
          assert.equal(
            await get(jar, `${srv.url}/get`),
            { value: null, isNew: true, size: 0 },
            bad,
          );
          assert.is(lines.length, 1, `one error logged for ${JSON.stringify(bad)}`);
          assert.match(lines[0], /^\[sessions\] ERROR! .+\n$/);
        }
        jar.set(sessionName, good);
        lines.length = 0;
        assert.equal(await get(jar, `${srv.url}/get`), { value: ok, isNew: false, size: 1 });
        assert.equal(lines, []);
      } finally {
        SetLogger(previous);
        await srv.close();
      }
    }),
  );
}
