/**
 * The no-cookie fast path of a Redis-backed store, checked without a server: the store runs on
 * a client that records every property it is asked for, so "no Redis call" means the client
 * was not touched at all, and "no await" means the middleware called `next` synchronously and
 * returned its value rather than a Promise. Used by test/redis and test/rediscluster.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { CodecsFromPairs, EncodeMulti } from "../../src/securecookie/index.ts";
import { Default, DefaultMany } from "../../src/sessions/defaultSession.ts";
import { GorillaSession } from "../../src/sessions/GorillaSession.ts";
import { Many, New } from "../../src/sessions/middleware.ts";
import type { Store } from "../../src/sessions/Store.ts";
import { request, response } from "./fakeHttp.ts";

const hashKey = Buffer.from("secret-key");
const name = "mysession";

/** A stand-in for an ioredis client: every property read is recorded; methods resolve `null`. */
export function recordingClient(): { client: object; used: string[] } {
  const used: string[] = [];
  const client = new Proxy(
    {},
    {
      get(_target, prop) {
        if (typeof prop === "symbol" || prop === "then") return undefined;
        used.push(prop);
        return () => Promise.resolve(null);
      },
    },
  );
  return { client, used };
}

interface RecordedStore {
  store: Store & { NewSession(name: string): GorillaSession };
  used: string[];
  /** store.Get and store.New calls, counted on the instance. */
  calls: { Get: number; New: number };
}

function record(store: RecordedStore["store"], used: string[]): RecordedStore {
  const calls = { Get: 0, New: 0 };
  const get = store.Get.bind(store);
  const load = store.New.bind(store);
  store.Get = (req, n) => {
    calls.Get++;
    return get(req, n);
  };
  store.New = (req, n) => {
    calls.New++;
    return load(req, n);
  };
  return { store, used, calls };
}

/** The cookie a browser sends back for the session ID `id`. */
const cookieFor = (id: string) => `${name}=${EncodeMulti(name, id, ...CodecsFromPairs(hashKey))}`;

/**
 * The suite for one store class: `make(client, hashKey)` builds the store on the recording
 * client.
 */
export function noCookieSuite(
  title: string,
  make: (client: object, key: Uint8Array) => RecordedStore["store"],
) {
  const T = suite(title);
  const fresh = (): RecordedStore => {
    const { client, used } = recordingClient();
    return record(make(client, hashKey), used);
  };

  T("NewSession: new, empty, ID-less, a copy of the store options, without I/O", () => {
    const { store, used } = fresh();
    store.Options({ Path: "/app", MaxAge: 60, HttpOnly: true });
    const s = store.NewSession(name);
    assert.instance(s, GorillaSession);
    assert.ok(s.IsNew);
    assert.is(s.ID, "");
    assert.is(s.Name(), name);
    assert.is(s.Store(), store);
    assert.is(s.Values.size, 0);
    assert.equal(s.Options, {
      Path: "/app",
      Domain: "",
      MaxAge: 60,
      Secure: false,
      HttpOnly: true,
      SameSite: undefined,
    });
    s.Options.MaxAge = 1;
    assert.is(store.NewSession(name).Options.MaxAge, 60, "each session has its own copy");
    assert.equal(used, []);
  });

  T("New: a request without the cookie, no Redis call", async () => {
    const { store, used } = fresh();
    const req = request("other=1");
    const [s, err] = await store.New(req, name);
    assert.is(err, null);
    assert.ok(s.IsNew);
    assert.equal(used, []);
  });

  T("middleware, no cookie: next runs synchronously, its value returned, no store call", () => {
    const { store, used, calls } = fresh();
    const mw = New(name, store);
    const req = request("other=1");
    const sentinel = Symbol("next");
    let ranInside = false;
    const ret = mw(req, response(req), () => {
      ranInside = true;
      return sentinel;
    }) as unknown;
    assert.ok(ranInside, "next ran before the middleware returned");
    assert.is(ret, sentinel, "next's value, not a Promise");
    const s = Default(req);
    assert.is(s.Get("user"), undefined);
    s.Set("user", "ann");
    assert.is(s.Get("user"), "ann");
    assert.is(s.ID(), "");
    assert.equal(calls, { Get: 0, New: 0 });
    assert.equal(used, [], "the Redis client was not touched");
  });

  T("Many, no cookie: the same for every name", () => {
    const { store, used, calls } = fresh();
    const mw = Many(["a", "b"], store);
    const req = request();
    const sentinel = Symbol("next");
    assert.is(mw(req, response(req), () => sentinel) as unknown, sentinel);
    DefaultMany(req, "a").Set("x", 1);
    assert.is(DefaultMany(req, "b").Get("x"), undefined);
    assert.equal(calls, { Get: 0, New: 0 });
    assert.equal(used, []);
  });

  T("middleware, with the cookie: a Promise, next after one GET", async () => {
    const { store, used, calls } = fresh();
    const req = request(cookieFor("ID1"));
    let usedBeforeNext: string[] = [];
    const ret = New(name, store)(req, response(req), () => {
      usedBeforeNext = [...used];
    });
    assert.instance(ret, Promise);
    await ret;
    assert.equal(usedBeforeNext, ["getBuffer"]);
    assert.equal(calls, { Get: 1, New: 1 });
    assert.is(Default(req).ID(), "ID1", "an expired key keeps the cookie's ID");
  });

  T("Get caches per request and name (one GET); another name or request loads again", async () => {
    const { store, used, calls } = fresh();
    const req = request(`${cookieFor("ID2")}; other=x`);
    const first = store.Get(req, name);
    assert.is(store.Get(req, name), first);
    const [a] = await first;
    assert.is(a.ID, "ID2");
    assert.equal(used, ["getBuffer"]);
    const [b] = await store.Get(req, "other");
    assert.is.not(b, a);
    await store.Get(request(cookieFor("ID2")), name);
    assert.equal(calls, { Get: 4, New: 3 }, "the second Get was served from the cache");
    const [c, err] = await store.Get(req, "bad name");
    assert.ok(c.IsNew);
    assert.is(err?.message, "sessions: invalid character in cookie name: bad name");
    assert.is(calls.New, 3, "an invalid name is no load");
  });

  return T;
}
