/**
 * The Redis store against a real redis-server: the tests it shares with the Redis Cluster
 * store (support/redisStoreSuite.ts: wire bytes, deletion, maxLength, the context-free calls,
 * Options), then the save/load/delete rules of hertz-contrib/sessions v1.0.3
 * `redis/redistore.go` and its quirks, and the helpers of `redis/redis.go`.
 */
import { type IncomingMessage, ServerResponse } from "node:http";
import { Redis } from "ioredis";
import * as assert from "uvu/assert";
import {
  DefaultClientOptions,
  GetRedisStore,
  NewStore,
  NewStoreWithClient,
  NewStoreWithDB,
  SetKeyPrefix,
} from "../../src/redis/index.ts";
import { CodecsFromPairs, EncodeMulti } from "../../src/securecookie/index.ts";
import {
  GobSerializer,
  JSONSerializer,
  MsgpackSerializer,
  type Serializer,
} from "../../src/serializers/index.ts";
import { Default } from "../../src/sessions/defaultSession.ts";
import { GorillaSession } from "../../src/sessions/GorillaSession.ts";
import { New } from "../../src/sessions/middleware.ts";
import type { Store } from "../../src/sessions/Store.ts";
import { captureLogAsync } from "../support/captureLog.ts";
import { request, setCookies } from "../support/fakeHttp.ts";
import { liveRedis } from "../support/liveRedis.ts";
import { redisStoreTests } from "../support/redisStoreSuite.ts";
import { backdated, get, hashKey, name, pair, rejects, save } from "../support/storeCalls.ts";

const { T, liveTest } = liveRedis("redis/RediStore", async ({ redis, addr, defer }) => {
  const store = GetRedisStore(await NewStore(10, "tcp", addr, "", hashKey));
  defer(() => store.Close());
  return {
    redis,
    store,
    command: redis.command,
    open: async () => GetRedisStore(await NewStore(1, "tcp", addr, "", hashKey)),
  };
});

redisStoreTests(liveTest, "NewRediStoreWithPool");

liveTest("a saved session loads back with its values and ID, not new", async ({ store }) => {
  const { session } = await get(store);
  session.Values.set("n", 42);
  session.AddFlash("hello");
  const header = await save(store, session);
  const { session: again, err } = await get(store, pair(header));
  assert.is(err, null);
  assert.is(again.IsNew, false);
  assert.is(again.ID, session.ID);
  assert.is(again.Values.get("n"), 42);
  assert.equal(again.Flashes(), ["hello"]);
  assert.equal(again.Options, store.Opts);
  assert.is.not(again.Options, store.Opts, "a copy of the store options");
});

liveTest(
  "the middleware path is one GET on load and one SETEX on save",
  async ({ redis, store }) => {
    const { session } = await get(store);
    session.Values.set("k", "v");
    const header = await save(store, session);
    await redis.command("CONFIG", "RESETSTAT");
    const { session: loaded } = await get(store, pair(header));
    loaded.Values.set("k", "w");
    await save(store, loaded);
    const stats = String(await redis.command("INFO", "commandstats"));
    const calls = Object.fromEntries(
      [...stats.matchAll(/^cmdstat_(\w+):calls=(\d+)/gm)].map((m) => [m[1], Number(m[2])]),
    );
    // The INFO itself and the RESETSTAT are the test's own commands.
    delete calls.info;
    assert.equal(calls, { get: 1, setex: 1 });
  },
);

liveTest(
  "through the middleware: no cookie, no Redis call; a cookie, one GET",
  async ({ redis, store }) => {
    const mw = New(name, store);
    const run = async (
      cookie: string | undefined,
      handler: (req: IncomingMessage) => Promise<void>,
    ) => {
      const req = request(cookie);
      const res = new ServerResponse(req);
      await mw(req, res, () => handler(req));
      return setCookies(res);
    };
    const calls = async () => {
      const stats = String(await redis.command("INFO", "commandstats"));
      const out = Object.fromEntries(
        [...stats.matchAll(/^cmdstat_(\w+):calls=(\d+)/gm)].map((m) => [m[1], Number(m[2])]),
      );
      delete out.info;
      delete out.config;
      await redis.command("CONFIG", "RESETSTAT");
      return out;
    };
    await redis.command("CONFIG", "RESETSTAT");
    await run(undefined, async (req) => {
      assert.is(Default(req).Get("x"), undefined);
    });
    assert.equal(await calls(), {}, "a cookieless request that does not save");
    const [header] = await run(undefined, async (req) => {
      Default(req).Set("x", 1);
      await Default(req).Save();
    });
    assert.equal(await calls(), { setex: 1 });
    await run(pair(header), async (req) => {
      assert.is(Default(req).Get("x"), 1);
    });
    assert.equal(await calls(), { get: 1 });
  },
);

liveTest(
  "Go quirk: MaxAge 0 deletes too (a session cookie is never stored)",
  async ({ redis, store }) => {
    const { session } = await get(store);
    session.Values.set("x", 1);
    const header = await save(store, session);
    const { session: loaded } = await get(store, pair(header));
    loaded.Options.MaxAge = 0;
    const cookie = await save(store, loaded);
    assert.is(cookie, `${name}=; Path=/`);
    assert.is(await redis.command("EXISTS", `session_${session.ID}`), 0);
  },
);

liveTest(
  "Go quirk: deleting a never-saved session DELs the bare prefix key",
  async ({ redis, store }) => {
    await redis.command("SET", "session_", "victim");
    const { session } = await get(store);
    session.Options.MaxAge = -1;
    await save(store, session);
    assert.is(session.ID, "", "no ID is generated for a deletion");
    assert.is(await redis.command("EXISTS", "session_"), 0);
  },
);

liveTest(
  "Go quirk: an expired key with a valid cookie gives a new session keeping the ID",
  async ({ redis, store }) => {
    const { session } = await get(store);
    session.Values.set("x", 1);
    const header = await save(store, session);
    await redis.command("DEL", `session_${session.ID}`);
    const { session: reborn, err } = await get(store, pair(header));
    assert.is(err, null);
    assert.ok(reborn.IsNew);
    assert.is(reborn.ID, session.ID);
    assert.is(reborn.Values.size, 0);
    reborn.Values.set("y", 2);
    await save(store, reborn);
    assert.is(
      await redis.command("EXISTS", `session_${session.ID}`),
      1,
      "the old key is written again",
    );
  },
);

liveTest(
  "a tampered or foreign cookie: new empty session plus the decode error",
  async ({ store }) => {
    const { session } = await get(store);
    session.Values.set("x", 1);
    const header = await save(store, session);
    const value = pair(header).slice(name.length + 1);
    const flipped = value[10] === "A" ? "B" : "A";
    const tampered = `${name}=${value.slice(0, 10)}${flipped}${value.slice(11)}`;
    for (const cookie of [tampered, `${name}=garbage`]) {
      const { session: s, err } = await get(store, cookie);
      assert.instance(err, Error, cookie);
      assert.ok(s.IsNew);
      assert.is(s.ID, "");
      assert.is(s.Values.size, 0);
      assert.equal(s.Options, store.Opts);
    }
    const foreign = EncodeMulti(name, session.ID, ...CodecsFromPairs(Buffer.from("other-key")));
    const { session: s, err } = await get(store, `${name}=${foreign}`);
    assert.instance(err, Error);
    assert.is(s.ID, "");
  },
);

liveTest(
  "a cookie that decodes to something else than an ID string is an error",
  async ({ store }) => {
    const notAnId = EncodeMulti(name, new Map([["a", 1]]), ...CodecsFromPairs(hashKey));
    const { session, err } = await get(store, `${name}=${notAnId}`);
    assert.instance(err, Error);
    assert.ok(session.IsNew);
    assert.is(session.ID, "");
  },
);

liveTest(
  "a stored value the serializer cannot read: new session (ID kept) plus the error",
  async ({ redis, store }) => {
    const { session } = await get(store);
    session.Values.set("x", 1);
    const header = await save(store, session);
    await redis.command("SET", `session_${session.ID}`, "not gob");
    const { session: s, err } = await get(store, pair(header));
    assert.instance(err, Error);
    assert.ok(s.IsNew);
    assert.is(s.ID, session.ID);
  },
);

liveTest(
  "Get caches per request and name (gorilla's registry); New does not",
  async ({ store }) => {
    const req = request();
    const [a, errA] = await store.Get(req, name);
    const [b] = await store.Get(req, name);
    assert.is(errA, null);
    assert.is(a, b);
    const [c] = await store.Get(req, "other");
    assert.is.not(c, a);
    const [d] = await store.Get(request(), name);
    assert.is.not(d, a);
    const [e] = await store.New(req, name);
    assert.is.not(e, a);
  },
);

liveTest("Get with an invalid cookie name: gorilla's error, a new session", async ({ store }) => {
  for (const bad of ["", "a b", "a;b", "naïve"]) {
    const [session, err] = await store.Get(request(`${bad}=x`), bad);
    assert.instance(session, GorillaSession);
    assert.is(err?.message, `sessions: invalid character in cookie name: ${bad}`);
  }
});

liveTest("SetKeyPrefix (method and package helper) moves the keys", async ({ redis, store }) => {
  try {
    store.SetKeyPrefix("app1:");
    const { session } = await get(store);
    session.Values.set("x", 1);
    const header = await save(store, session);
    assert.is(await redis.command("EXISTS", `app1:${session.ID}`), 1);
    assert.is(await redis.command("EXISTS", `session_${session.ID}`), 0);
    SetKeyPrefix(store, "app2:");
    const { session: s2 } = await get(store, pair(header));
    assert.ok(s2.IsNew, "the old prefix is not read any more");
  } finally {
    store.SetKeyPrefix("session_");
  }
});

liveTest("GetRedisStore rejects another store with Go's error text", async () => {
  const other: Store = {
    Get: async () => [GorillaSession.New(other, "x"), null],
    New: async () => [GorillaSession.New(other, "x"), null],
    Save: async () => {},
    Options: () => {},
  };
  assert.throws(() => GetRedisStore(other), /^unable to get the redis store: Store isn't \*store$/);
  assert.throws(() => SetKeyPrefix(other, "p"), /unable to get the redis store/);
});

for (const [label, serializer, expectText] of [
  ["JSON", new JSONSerializer(), true],
  ["msgpack", new MsgpackSerializer(), false],
] as const) {
  liveTest(
    `SetSerializer(${label}) round-trips and stores that format`,
    async ({ redis, store }) => {
      try {
        store.SetSerializer(serializer);
        const { session } = await get(store);
        session.Values.set("user", "ann");
        const header = await save(store, session);
        const raw = String(await redis.command("GET", `session_${session.ID}`));
        if (expectText) assert.is(raw, '{"user":"ann"}');
        else assert.ok(raw.includes("user") && raw.includes("ann") && !raw.startsWith("{"));
        const { session: back, err } = await get(store, pair(header));
        assert.is(err, null);
        assert.is(back.Values.get("user"), "ann");
      } finally {
        store.SetSerializer(new GobSerializer());
      }
    },
  );
}

for (const [label, serializer, hostile] of [
  // Nested 65 levels deep.
  ["JSON", new JSONSerializer(), Buffer.from(`{"k":${"[".repeat(64)}${"]".repeat(64)}}`)],
  // {"k": an array claiming 16 Mi elements}, 8 bytes.
  ["msgpack", new MsgpackSerializer(), Buffer.from([0x81, 0xa1, 0x6b, 0xdd, 1, 0, 0, 0])],
] as const) {
  liveTest(
    `a hostile stored value under ${label}: a new session (ID kept) plus the limit's error`,
    async ({ redis, store }) => {
      try {
        store.SetSerializer(serializer);
        const { session } = await get(store);
        session.Values.set("x", 1);
        const header = await save(store, session);
        await redis.command("SET", `session_${session.ID}`, hostile);
        let got: Awaited<ReturnType<typeof get>> | undefined;
        const logged = await captureLogAsync(async () => {
          got = await get(store, pair(header));
        });
        const { session: s, err } = got!;
        assert.match(String(err?.message), /maxDepth 64|array length \(16777216\)/);
        if (label === "JSON") {
          assert.match(logged.join(""), /JSONSerializer\.deserialize\(\) Error: .*maxDepth 64/);
        }
        assert.ok(s.IsNew);
        assert.is(s.ID, session.ID);
        assert.is(s.Values.size, 0);
      } finally {
        store.SetSerializer(new GobSerializer());
      }
    },
  );
}

liveTest(
  "a serializer returning a plain Uint8Array is stored as bytes",
  async ({ redis, store }) => {
    const bytes: Serializer = {
      Serialize: () => new Uint8Array([0, 1, 2, 255]),
      Deserialize: (d, ss) => {
        ss.Values.set("bytes", [...d]);
      },
    };
    try {
      store.SetSerializer(bytes);
      const { session } = await get(store);
      const header = await save(store, session);
      assert.is(await redis.command("GET", `session_${session.ID}`), "\x00\x01\x02\xff");
      const { session: back } = await get(store, pair(header));
      assert.equal(back.Values.get("bytes"), [0, 1, 2, 255]);
    } finally {
      store.SetSerializer(new GobSerializer());
    }
  },
);

liveTest("SetMaxAge sets the default MaxAge and the codecs' MaxAge", async ({ redis }) => {
  const store = GetRedisStore(await NewStore(1, "tcp", `127.0.0.1:${redis.port}`, "", hashKey));
  try {
    store.SetMaxAge(60);
    assert.is(store.Opts.MaxAge, 60);
    const { session } = await get(store);
    assert.is(session.Options.MaxAge, 60);
    session.Values.set("x", 1);
    const header = await save(store, session);
    const ttl = Number(await redis.command("TTL", `session_${session.ID}`));
    assert.ok(ttl > 55 && ttl <= 60, `TTL ${ttl}`);
    assert.match(header, /Max-Age=60$/);
    // A cookie stamped 2 minutes ago is now too old for the codecs.
    const old = EncodeMulti(name, session.ID, ...backdated(120));
    const { err } = await get(store, `${name}=${old}`);
    assert.match(String(err?.message), /expired timestamp/);
  } finally {
    await store.Close();
  }
});

liveTest("Go quirk: store Options without MaxAge make every Save a deletion", async ({ redis }) => {
  const store = GetRedisStore(await NewStore(1, "tcp", `127.0.0.1:${redis.port}`, "", hashKey));
  try {
    store.Options({ Domain: "localhost" });
    const { session } = await get(store);
    session.Values.set("x", 1);
    const header = await save(store, session);
    assert.is(header, `${name}=; Domain=localhost`);
    assert.is(session.ID, "");
  } finally {
    await store.Close();
  }
});

liveTest("NewStoreWithDB writes into the selected database", async ({ redis }) => {
  const store = GetRedisStore(
    await NewStoreWithDB(1, "tcp", `127.0.0.1:${redis.port}`, "", "5", hashKey),
  );
  try {
    const { session } = await get(store);
    session.Values.set("x", 1);
    await save(store, session);
    const direct = new Redis({ port: redis.port, db: 5, lazyConnect: true });
    try {
      assert.is(await direct.exists(`session_${session.ID}`), 1);
      await direct.select(0);
      assert.is(await direct.exists(`session_${session.ID}`), 0);
    } finally {
      direct.disconnect();
    }
  } finally {
    await store.Close();
  }
  await rejects(
    () => NewStoreWithDB(1, "tcp", `127.0.0.1:${redis.port}`, "", "999", hashKey),
    /DB index is out of range/,
  );
  await rejects(
    () => NewStoreWithDB(1, "tcp", `127.0.0.1:${redis.port}`, "", "one", hashKey),
    /not an integer/,
  );
});

liveTest("NewStoreWithClient uses the given client (PING first)", async ({ redis }) => {
  const client = new Redis({ ...DefaultClientOptions, port: redis.port, host: redis.host });
  const store = GetRedisStore(await NewStoreWithClient(client, hashKey));
  assert.is(store.Client, client);
  const { session } = await get(store);
  session.Values.set("x", 1);
  await save(store, session);
  assert.is(await redis.command("EXISTS", `session_${session.ID}`), 1);
  await store.Close();
  assert.is(client.status, "end");
});

liveTest(
  "key rotation: a cookie of the old key is read, new cookies use the first pair",
  async ({ store, redis }) => {
    const rotated = GetRedisStore(
      await NewStore(
        1,
        "tcp",
        `127.0.0.1:${redis.port}`,
        "",
        Buffer.from("new-key"),
        null,
        hashKey,
      ),
    );
    try {
      const { session } = await get(store);
      session.Values.set("x", 1);
      const oldHeader = await save(store, session);
      const { session: s, err } = await get(rotated, pair(oldHeader));
      assert.is(err, null);
      assert.is(s.ID, session.ID);
      const newHeader = await save(rotated, s);
      const { err: oldErr } = await get(store, pair(newHeader));
      assert.instance(oldErr, Error, "the old-key store cannot read the new cookie");
    } finally {
      await rotated.Close();
    }
  },
);

T.run();

const Secured = liveRedis(
  "redis/RediStore with a password",
  { password: "s3cret", unixSocket: true },
  async ({ redis }) => ({ redis }),
);

Secured.liveTest("unix socket and password (AUTH)", async ({ redis }) => {
  await rejects(
    () => NewStore(1, "unix", redis.socketPath!, "wrong", hashKey),
    /WRONGPASS|invalid password/,
  );
  await rejects(() => NewStore(1, "unix", redis.socketPath!, "", hashKey), /NOAUTH/);
  const store = GetRedisStore(await NewStore(1, "unix", redis.socketPath!, "s3cret", hashKey));
  try {
    const { session } = await get(store);
    session.Values.set("x", 1);
    const header = await save(store, session);
    assert.is(await redis.command("EXISTS", `session_${session.ID}`), 1);
    const { session: back } = await get(store, pair(header));
    assert.is(back.Values.get("x"), 1);
  } finally {
    await store.Close();
  }
  const tcp = GetRedisStore(await NewStore(1, "tcp", `127.0.0.1:${redis.port}`, "s3cret", hashKey));
  await tcp.Close();
});

Secured.T.run();
