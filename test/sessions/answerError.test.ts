/**
 * The middleware never lets a session error end the process. With `http.createServer` (the
 * handler passed as `next`) a rejected handler or a failed Save is answered (500, or 503 when
 * the store is unreachable; the response ended when its headers were sent) and logged; with
 * a framework's `next(err)` (it declares the parameter) the error goes there.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { NewStore } from "../../src/cookie/index.ts";
import { Default } from "../../src/sessions/defaultSession.ts";
import { SetLogger } from "../../src/sessions/logger.ts";
import { New } from "../../src/sessions/middleware.ts";
import { SessionsError } from "../../src/sessions/SessionsError.ts";
import { MemoryStore } from "../support/memoryStore.ts";
import { serve } from "../support/serve.ts";

const T = suite("sessions/answerError");
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
let logged: string[] = [];
let previous: ReturnType<typeof SetLogger>;

T.before(() => {
  process.on("unhandledRejection", onUnhandled);
});
T.before.each(() => {
  logged = [];
  previous = SetLogger((m) => logged.push(m));
});
T.after.each(() => {
  SetLogger(previous);
});
T.after(async () => {
  await new Promise((r) => setTimeout(r, 20));
  process.off("unhandledRejection", onUnhandled);
  assert.equal(unhandled, [], "no unhandled rejection");
});

const unavailable = new SessionsError(
  "ERR_STORE_UNAVAILABLE",
  "Reached the max retries per request limit",
);

/** A raw server with `mw` and the handler passed as next, as in the README. */
function raw(
  mw: ReturnType<typeof New>,
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
) {
  return serve((req, res) => mw(req, res, () => handler(req, res)));
}

T("a handler whose Save rejects: 500, logged, the process stays up", async () => {
  const store = new MemoryStore();
  store.Save = () => Promise.reject(new Error("disk full"));
  const srv = await raw(New("s", store), async (req, res) => {
    res.setHeader("content-type", "application/json");
    Default(req).Set("n", 1);
    await Default(req).Save();
    res.end("{}");
  });
  try {
    const res = await fetch(srv.url);
    assert.is(res.status, 500);
    assert.is(
      res.headers.get("content-type"),
      "text/plain; charset=utf-8",
      "the handler's headers are dropped",
    );
    assert.is(await res.text(), "Internal Server Error\n");
    assert.equal(logged, ["[sessions] ERROR! disk full\n"]);
  } finally {
    await srv.close();
  }
});

T("a store that is unreachable on Save: 503", async () => {
  const store = new MemoryStore();
  store.Save = () => Promise.reject(unavailable);
  const srv = await raw(New("s", store), async (req, res) => {
    Default(req).Set("n", 1);
    await Default(req).Save();
    res.end();
  });
  try {
    const res = await fetch(srv.url);
    assert.is(res.status, 503);
    assert.is(await res.text(), "Service Unavailable\n");
    assert.equal(logged, ["[sessions] ERROR! Reached the max retries per request limit\n"]);
  } finally {
    await srv.close();
  }
});

T("an error after the headers were sent: the response is ended, the error logged", async () => {
  const srv = await raw(New("s", new MemoryStore()), async (_req, res) => {
    res.writeHead(200, { "content-type": "text/plain" });
    res.write("partial");
    throw new Error("late failure");
  });
  try {
    const res = await fetch(srv.url);
    assert.is(res.status, 200);
    assert.is(await res.text(), "partial");
    assert.equal(logged, ["[sessions] ERROR! late failure\n"]);
  } finally {
    await srv.close();
  }
});

T("a value gob cannot encode: 500, and the log names the session key", async () => {
  const srv = await raw(New("mysession", NewStore(Buffer.alloc(32, 1))), async (req, res) => {
    Default(req).Set("f", () => 1);
    await Default(req).Save();
    res.end();
  });
  try {
    const res = await fetch(srv.url);
    assert.is(res.status, 500);
    await res.text();
    assert.equal(logged, [
      '[sessions] ERROR! sessions: cannot save session "mysession": the value of key "f" cannot be encoded: gob: cannot encode a function\n',
    ]);
  } finally {
    await srv.close();
  }
});

T("a rejected load in the raw pattern: answered (503) without running the handler", async () => {
  const store = new MemoryStore();
  store.failGet = unavailable;
  let ran = false;
  const srv = await raw(New("s", store), async (_req, res) => {
    ran = true;
    res.end();
  });
  try {
    const res = await fetch(srv.url, { headers: { cookie: "s=id1" } });
    assert.is(res.status, 503);
    await res.text();
    assert.not.ok(ran, "the handler did not run with a session it could not have");
    assert.equal(logged.length, 1);
  } finally {
    await srv.close();
  }
});

T(
  "a framework's next (it takes err): load errors and a rejected next go to next(err)",
  async () => {
    const store = new MemoryStore();
    store.data.set("id1", new Map());
    const boom = new Error("boom");
    const req = { headers: { cookie: "s=id1" } } as IncomingMessage;
    const res = { headersSent: false } as ServerResponse;
    const errors: unknown[] = [];
    const next = (err?: unknown) => {
      if (err !== undefined) {
        errors.push(err);
        return undefined;
      }
      return Promise.reject(boom);
    };
    const ret = New("s", store)(req, res, next);
    const got = await Promise.resolve(ret).then(
      () => "resolved",
      (e: unknown) => e,
    );
    assert.is(got, boom, "a caller awaiting the middleware still gets the error");
    await new Promise((r) => setImmediate(r));
    assert.equal(errors, [boom]);
    assert.equal(logged, [], "Express's error handler reports it, not the sessions logger");
  },
);

T("the returned Promise may be dropped: nothing is left unhandled", async () => {
  const fakeRes = { headersSent: false } as ServerResponse;
  New("s", new MemoryStore())({ headers: {} } as IncomingMessage, fakeRes, async () => {
    throw new Error("dropped");
  });
  const store = new MemoryStore();
  store.data.set("id1", new Map());
  New("s", store)({ headers: { cookie: "s=id1" } } as IncomingMessage, fakeRes, async () => {
    throw new Error("dropped after load");
  });
  await new Promise((r) => setTimeout(r, 20));
  assert.is(logged.length, 4, "each error, then why the fake response could not be answered");
  assert.is(logged[0], "[sessions] ERROR! dropped\n");
  assert.match(logged[1], /^\[sessions\] ERROR! the failed request could not be answered: /);
  assert.is(logged[2], "[sessions] ERROR! dropped after load\n");
  assert.match(logged[3], /could not be answered/);
});

T.run();
