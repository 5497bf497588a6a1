/**
 * The middleware and `Session` (hertz-contrib/sessions v1.0.3 `sessions.go`) on a memory
 * store: loading before `next()`, laziness, written flag, Save, errors, Many.
 */
import { type IncomingMessage, ServerResponse } from "node:http";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { DefaultKey } from "../../src/sessions/defaultKey.ts";
import { Default, DefaultMany } from "../../src/sessions/defaultSession.ts";
import { Many, New, Sessions, SessionsMany } from "../../src/sessions/middleware.ts";
import type { RequestSession } from "../../src/sessions/RequestSession.ts";
import type { Session } from "../../src/sessions/Session.ts";
import { captureLogAsync } from "../support/captureLog.ts";
import { CookieJar } from "../support/cookieJar.ts";
import { fakeRequest, fakeResponse } from "../support/fakeHttp.ts";
import { MemoryStore } from "../support/memoryStore.ts";
import { serve } from "../support/serve.ts";

const fakeReq = fakeRequest;
const fakeRes = fakeResponse();

/** Resolves with the rejection of `p` (fails when it resolves). */
async function rejection(p: unknown): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new assert.Assertion({
    message: "expected a rejection",
    operator: "rejects",
    expects: "a rejection",
    actual: "a resolution",
  });
}

test("DefaultKey is Hertz's", () => {
  assert.is(DefaultKey, "github.com/hertz-contrib/sessions");
});

test("Default and DefaultMany throw a clear error when the middleware did not run", () => {
  assert.throws(
    () => Default(fakeReq()),
    /Key "github.com\/hertz-contrib\/sessions" does not exist/,
  );
  assert.throws(() => Default(fakeReq()), /New or Many/);
  assert.throws(() => DefaultMany(fakeReq(), "a"), /does not exist/);
});

test("New rejects a cookie name Go would refuse", () => {
  assert.throws(
    () => New("bad name", new MemoryStore()),
    /invalid character in cookie name: bad name/,
  );
  assert.throws(() => Many(["ok", "a;b"], new MemoryStore()), /invalid character/);
});

test("a request without the cookie: no store call, no Promise, next's result returned", () => {
  const store = new MemoryStore();
  const mw = New("mysession", store);
  const req = fakeReq("other=1");
  const sentinel = Symbol("next");
  const ret = mw(req, fakeRes, () => sentinel) as unknown;
  assert.is(ret, sentinel);
  assert.equal(store.calls, { Get: 0, New: 0, Save: 0, NewSession: 0 });
  // First use builds it synchronously from NewSession, once.
  const s = Default(req);
  assert.is(s.Get("x"), undefined);
  s.Set("x", 1);
  assert.is(s.Get("x"), 1);
  assert.is(s.ID(), "");
  assert.equal(store.calls, { Get: 0, New: 0, Save: 0, NewSession: 1 });
});

test("a thrown error of next propagates (sync and async), the async one logged too", async () => {
  const logged = await captureLogAsync(async () => {
    const mw = New("mysession", new MemoryStore());
    assert.throws(
      () =>
        mw(fakeReq(), fakeRes, () => {
          throw new Error("boom");
        }),
      /boom/,
    );
    const ret = mw(fakeReq(), fakeRes, async () => {
      throw new Error("async boom");
    });
    assert.match((await rejection(ret)).message, /async boom/);
    // With the cookie the session is loaded first; the rejection still reaches the caller.
    const store = new MemoryStore();
    store.data.set("id1", new Map());
    const ret2 = New("mysession", store)(fakeReq("mysession=id1"), fakeRes, async () => {
      throw new Error("after load");
    });
    assert.match((await rejection(ret2)).message, /after load/);
    await new Promise((resolve) => setImmediate(resolve));
  });
  const text = logged.join("");
  assert.match(text, /async boom/);
  assert.match(text, /after load/);
});

test("a request with the cookie is loaded (store.Get) before next", async () => {
  const store = new MemoryStore();
  store.data.set("id7", new Map<unknown, unknown>([["count", 41]]));
  const req = fakeReq("mysession=id7");
  let seen: unknown;
  let getsBeforeNext = -1;
  const ret = New("mysession", store)(req, fakeRes, () => {
    getsBeforeNext = store.calls.Get;
    seen = Default(req).Get("count");
  });
  assert.instance(ret, Promise);
  assert.is(seen, undefined, "next runs after the load");
  await ret;
  assert.is(getsBeforeNext, 1);
  assert.is(seen, 41);
  assert.is(Default(req).ID(), "id7");
  assert.is(store.calls.NewSession, 0);
});

test("a store without NewSession is loaded before next even without the cookie", async () => {
  const store = new MemoryStore(false);
  const req = fakeReq();
  let calls = -1;
  await New("mysession", store)(req, fakeRes, () => {
    calls = store.calls.Get;
    Default(req).Set("a", 1);
  });
  assert.is(calls, 1);
});

test("a failing load logs Go's message and gives a new session; the request goes on", async () => {
  const store = new MemoryStore();
  const req = fakeReq("mysession=gone");
  let isNew: boolean | undefined;
  const lines = await captureLogAsync(async () => {
    await New("mysession", store)(req, fakeRes, () => {
      const s = Default(req) as RequestSession;
      isNew = s.Session().IsNew;
      assert.is(s.Session().Values.size, 0);
    });
  });
  assert.equal(lines, ["[sessions] ERROR! memory: no session gone\n"]);
  assert.is(isNew, true);
});

test("a rejected store.Get goes to next(err)", async () => {
  const store = new MemoryStore();
  store.failGet = new Error("redis down");
  let got: unknown = "not called";
  await New("mysession", store)(fakeReq("mysession=x"), fakeRes, (err) => {
    got = err;
  });
  assert.instance(got, Error);
  assert.is((got as Error).message, "redis down");
});

test("a store that throws instead of rejecting: next(err), and Save rejects", async () => {
  const store = new MemoryStore();
  const broken = new Error("store bug");
  store.Get = () => {
    throw broken;
  };
  let got: unknown = "not called";
  await New("mysession", store)(fakeReq("mysession=x"), fakeRes, (err) => {
    got = err;
  });
  assert.is(got, broken);

  const saving = new MemoryStore();
  saving.Save = () => {
    throw broken;
  };
  const req = fakeReq();
  let saved: Promise<void> = Promise.resolve();
  New("mysession", saving)(req, fakeRes, () => {
    const s = Default(req);
    s.Set("n", 1);
    saved = s.Save();
  });
  assert.is(await rejection(saved), broken);
  assert.ok((Default(req) as RequestSession).Written(), "a failed Save leaves the session written");
});

test("written flag: reads do not save, changes do, Clear of nothing does not", async () => {
  const store = new MemoryStore();
  const run = async (handler: (req: IncomingMessage) => Promise<void>) => {
    const req = fakeReq();
    const res = new ServerResponse(req);
    await New("mysession", store)(req, res, () => handler(req));
  };
  await run(async (req) => {
    const s = Default(req);
    s.Get("a");
    s.ID();
    s.Clear(); // no values: not written, as Go's key-by-key Delete
    await s.Save();
  });
  assert.is(store.calls.Save, 0);
  const changes: Record<string, (s: Session) => void> = {
    Set: (s) => s.Set("a", 1),
    Delete: (s) => s.Delete("a"),
    AddFlash: (s) => s.AddFlash("hi"),
    Flashes: (s) => s.Flashes(),
    Options: (s) => s.Options({ MaxAge: 1 }),
  };
  for (const [label, change] of Object.entries(changes)) {
    const before = store.calls.Save;
    await run(async (req) => {
      const s = Default(req);
      change(s);
      await s.Save();
      await s.Save(); // the flag was reset by the first Save
    });
    assert.is(store.calls.Save - before, 1, label);
  }
  // Clear of a session holding values is a change.
  await run(async (req) => {
    const s = Default(req);
    s.Set("a", 1);
    await s.Save();
    s.Clear();
    await s.Save();
  });
  assert.is(store.calls.Save, 7);
});

test("Options replaces the session options, missing fields as Go's zero values", async () => {
  const store = new MemoryStore();
  const req = fakeReq();
  New("mysession", store)(req, fakeRes, () => {});
  const s = Default(req) as RequestSession;
  assert.equal(s.Session().Options, { Path: "/", MaxAge: 3600 });
  s.Options({ Domain: "example.com" });
  assert.equal(s.Session().Options, {
    Path: "",
    Domain: "example.com",
    MaxAge: 0,
    Secure: false,
    HttpOnly: false,
    SameSite: undefined,
  });
  assert.ok(s.Written());
});

test("Flashes drop what they return; AddFlash takes a key", () => {
  const req = fakeReq();
  New("mysession", new MemoryStore())(req, fakeRes, () => {});
  const s = Default(req);
  assert.equal(s.Flashes(), []);
  s.AddFlash("a");
  s.AddFlash("b");
  s.AddFlash("x", "other");
  assert.equal(s.Flashes(), ["a", "b"]);
  assert.equal(s.Flashes(), []);
  assert.equal(s.Flashes("other"), ["x"]);
  s.Set("_flash", "not a list");
  assert.throws(() => s.AddFlash("c"), /not a list/);
});

test("Save rejects once the headers are sent, and writes Set-Cookie before them", async () => {
  const store = new MemoryStore();
  const mw = New("mysession", store);
  const results: string[] = [];
  const srv = await serve((req, res) =>
    mw(req, res, async () => {
      const s = Default(req);
      s.Set("n", 1);
      if (req.url === "/late") {
        res.writeHead(200);
        await s.Save().then(
          () => results.push("saved"),
          (e: Error) => results.push(e.message),
        );
        res.end();
        return;
      }
      await s.Save();
      res.end("ok");
    }),
  );
  try {
    const jar = new CookieJar();
    await jar.fetch(`${srv.url}/`);
    assert.ok(jar.get("mysession"));
    assert.match(jar.lastSetCookie[0], /^mysession=id1; Path=\/; Expires=.*; Max-Age=3600$/);
    const late = await fetch(`${srv.url}/late`);
    await late.text();
    assert.equal(results, [
      'sessions: cannot save session "mysession": the response headers were already sent',
    ]);
    assert.equal(late.headers.getSetCookie(), []);
  } finally {
    await srv.close();
  }
});

test("Many: one session per name, each its own cookie; Default/DefaultMany misuse throws", async () => {
  const store = new MemoryStore();
  const mw = Many(["a", "b"], store);
  const srv = await serve((req, res) =>
    mw(req, res, async () => {
      if (req.url === "/set") {
        DefaultMany(req, "a").Set("hello", "world");
        await DefaultMany(req, "a").Save();
        DefaultMany(req, "b").Set("foo", "bar");
        await DefaultMany(req, "b").Save();
        res.end("ok");
        return;
      }
      res.end(
        JSON.stringify([DefaultMany(req, "a").Get("hello"), DefaultMany(req, "b").Get("foo")]),
      );
    }),
  );
  try {
    const jar = new CookieJar();
    await jar.fetch(`${srv.url}/set`);
    assert.equal(jar.names().sort(), ["a", "b"]);
    const before = store.calls.Get;
    assert.equal(await (await jar.fetch(`${srv.url}/get`)).json(), ["world", "bar"]);
    assert.is(store.calls.Get - before, 2);
  } finally {
    await srv.close();
  }
  const req = fakeReq();
  Many(["a"], store)(req, fakeRes, () => {});
  assert.throws(() => Default(req), /use DefaultMany/);
  assert.throws(() => DefaultMany(req, "zzz"), /no session named "zzz"/);
  const req2 = fakeReq();
  New("a", store)(req2, fakeRes, () => {});
  assert.throws(() => DefaultMany(req2, "a"), /use Default\(req\)/);
});

test("Many without cookies calls next synchronously; with one cookie loads only that one", async () => {
  const store = new MemoryStore();
  store.data.set("id9", new Map([["k", "v"]]));
  const sentinel = Symbol("next");
  assert.is(Many(["a", "b"], store)(fakeReq(), fakeRes, () => sentinel) as unknown, sentinel);
  const req = fakeReq("b=id9");
  await Many(["a", "b"], store)(req, fakeRes, () => {});
  assert.is(store.calls.Get, 1);
  assert.is(DefaultMany(req, "b").Get("k"), "v");
  assert.is(DefaultMany(req, "a").Get("k"), undefined);
});

test("the deprecated aliases are New and Many", () => {
  const store = new MemoryStore();
  const req = fakeReq();
  Sessions("s", store)(req, fakeRes, () => {});
  Default(req).Set("a", 1);
  const req2 = fakeReq();
  SessionsMany(["x"], store)(req2, fakeRes, () => {});
  DefaultMany(req2, "x").Set("a", 1);
});

test.run();
