/**
 * Redis unreachable under the middleware, as a service sees it (a node:http server in the
 * README's pattern, no try/catch around Save): the process stays up, nothing is left as an
 * unhandled rejection, a failed Save answers 503, and the outage policy decides between Go's
 * new empty session (the default) and a 503 (`OutagePolicy.Fail`). A bad cookie is never an
 * outage. The long version under load is bench/soak.ts.
 */
import * as assert from "uvu/assert";
import { GetRedisStore, NewStore, OutagePolicy } from "../../src/redis/index.ts";
import { Default } from "../../src/sessions/defaultSession.ts";
import { SetLogger } from "../../src/sessions/logger.ts";
import { New } from "../../src/sessions/middleware.ts";
import { SessionsTypeError } from "../../src/sessions/SessionsError.ts";
import { CookieJar } from "../support/cookieJar.ts";
import { liveRedis } from "../support/liveRedis.ts";
import { serve } from "../support/serve.ts";

const { T, liveTest } = liveRedis("redis/outage", async ({ redis, addr, defer }) => {
  const store = GetRedisStore(await NewStore(10, "tcp", addr, "", Buffer.alloc(32, 3)));
  defer(() => store.Close());
  const mw = New("s", store);
  const srv = await serve((req, res) =>
    mw(req, res, async () => {
      const s = Default(req);
      if (req.url === "/peek") {
        res.end(s.Get("n") === undefined ? "new" : String(s.Get("n")));
        return;
      }
      const n = ((s.Get("n") as number | undefined) ?? 0) + 1;
      s.Set("n", n);
      await s.Save();
      res.end(String(n));
    }),
  );
  defer(srv.close);
  // A test that failed while Redis was paused leaves it paused: resumed first, so that the
  // store can close.
  defer(async () => redis.resume());
  return { redis, store, url: srv.url };
});

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const logged: string[] = [];
let previous: ReturnType<typeof SetLogger>;

T.before(() => {
  process.on("unhandledRejection", onUnhandled);
  previous = SetLogger((m) => logged.push(m));
});

T.after(async () => {
  await new Promise((r) => setTimeout(r, 50));
  SetLogger(previous);
  process.off("unhandledRejection", onUnhandled);
  assert.equal(unhandled, [], "no unhandled rejection");
});

async function timedFetch(url: string, jar: CookieJar | null, path: string, cookie?: string) {
  const t0 = Date.now();
  const res = jar
    ? await jar.fetch(`${url}${path}`)
    : await fetch(`${url}${path}`, { headers: cookie ? { cookie } : {} });
  return { status: res.status, text: await res.text(), ms: Date.now() - t0 };
}

liveTest(
  "default policy, Redis paused: a new session (logged), the failing Save answers 503",
  async ({ redis, store, url }) => {
    store.SetOutagePolicy(OutagePolicy.NewSession);
    const jar = new CookieJar();
    assert.is((await timedFetch(url, jar, "/incr")).text, "1");
    redis.pause();
    try {
      logged.length = 0;
      const r = await timedFetch(url, jar, "/incr");
      assert.is(r.status, 503, "Save could not reach Redis");
      assert.is(r.text, "Service Unavailable\n");
      assert.ok(r.ms < 3000, `bounded by the command timeout: ${r.ms} ms`);
      assert.is(logged.length, 2, "the load error (new session), then the Save error");
      assert.match(logged[1], /^\[sessions\] ERROR! .*timed out/i);
      const peek = await timedFetch(url, jar, "/peek");
      assert.equal([peek.status, peek.text], [200, "new"], "Go's behaviour: served logged out");
    } finally {
      redis.resume();
    }
    // The acknowledged write survives: the session goes on from 1.
    assert.is((await timedFetch(url, jar, "/incr")).text, "2");
  },
);

liveTest(
  "OutagePolicy.Fail: 503 instead of a new session; a bad cookie is still a new session",
  async ({ redis, store, url }) => {
    store.SetOutagePolicy(OutagePolicy.Fail);
    const jar = new CookieJar();
    assert.is((await timedFetch(url, jar, "/incr")).text, "1");
    redis.pause();
    try {
      const r = await timedFetch(url, jar, "/peek");
      assert.is(r.status, 503, "not served logged out");
      assert.ok(r.ms < 3000, `${r.ms} ms`);
      const bad = await timedFetch(url, null, "/peek", "s=tampered");
      assert.equal([bad.status, bad.text], [200, "new"], "a bad cookie is no outage");
      const none = await timedFetch(url, null, "/peek");
      assert.equal([none.status, none.text], [200, "new"], "no cookie: no store call");
    } finally {
      redis.resume();
    }
    assert.is((await timedFetch(url, jar, "/incr")).text, "2");
    store.SetOutagePolicy(OutagePolicy.NewSession);
  },
);

liveTest(
  "Redis killed: 503s in bounded time, the process stays up; restarted: served again",
  async ({ redis, url }) => {
    const jar = new CookieJar();
    await timedFetch(url, jar, "/incr");
    await redis.kill();
    const burst = await Promise.all(
      Array.from({ length: 20 }, () => timedFetch(url, jar, "/incr")),
    );
    for (const r of burst) {
      assert.is(r.status, 503);
      assert.ok(r.ms < 3000, `${r.ms} ms`);
    }
    await redis.restart();
    const deadline = Date.now() + 5000;
    let last = 0;
    while (Date.now() < deadline && last !== 200) {
      last = (await timedFetch(url, null, "/incr")).status;
      if (last !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    assert.is(last, 200, "served again once Redis is back");
  },
);

liveTest("SetOutagePolicy refuses an unknown policy", async ({ store }) => {
  assert.throws(
    () => store.SetOutagePolicy("retry" as OutagePolicy),
    (e: Error) =>
      e instanceof SessionsTypeError &&
      /use OutagePolicy.NewSession or OutagePolicy.Fail/.test(e.message),
  );
});

T.run();
