/**
 * The Redis store when Redis misbehaves: unreachable or silent at start (a clear, bounded
 * rejection), killed or frozen mid-run (errors in bounded time, never a crash or a hang), and
 * restarted (recovery without restarting Node).
 */
import { type AddressInfo, createServer, type Server, Socket } from "node:net";
import * as assert from "uvu/assert";
import { createApp } from "../../examples/app.ts";
import { GetRedisStore, NewStore } from "../../src/redis/index.ts";
import { SetLogger } from "../../src/sessions/logger.ts";
import { CookieJar } from "../support/cookieJar.ts";
import { request } from "../support/fakeHttp.ts";
import { liveRedis } from "../support/liveRedis.ts";
import { freePort } from "../support/ports.ts";
import { hashKey, pair, save, timed } from "../support/storeCalls.ts";

const name = "s";

async function eventually(what: string, timeoutMs: number, check: () => Promise<boolean>) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) assert.unreachable(`${what} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

/** One redis-server for the live tests; those that kill it restart it before they end. */
const { T, liveTest } = liveRedis("redis/faults", async ({ redis, addr }) => ({ redis, addr }));

T.before(() => {
  process.on("unhandledRejection", onUnhandled);
});

T.after(() => {
  process.off("unhandledRejection", onUnhandled);
  assert.equal(unhandled, [], "no unhandled rejections");
});

T("unreachable at start: a clear rejection, quickly", async () => {
  const port = await freePort();
  const r = await timed(() => NewStore(10, "tcp", `127.0.0.1:${port}`, "", hashKey));
  assert.ok(r.error, "rejects");
  assert.match(r.error.message, `redis: cannot connect to tcp 127.0.0.1:${port}: `);
  assert.match(r.error.message, /ECONNREFUSED/);
  assert.ok(r.ms < 3000, `${r.ms} ms`);
});

T("a server that accepts but never answers: rejected within the start deadline", async () => {
  const sockets = new Set<Socket>();
  const silent: Server = createServer((s) => {
    sockets.add(s);
    s.on("error", () => {});
  });
  await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
  const { port } = silent.address() as { port: number };
  try {
    const r = await timed(() => NewStore(10, "tcp", `127.0.0.1:${port}`, "", hashKey));
    assert.ok(r.error, "rejects");
    assert.match(r.error.message, `redis: cannot connect to tcp 127.0.0.1:${port}: `);
    assert.ok(r.ms < 4500, `${r.ms} ms`);
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise((r) => silent.close(r));
  }
});

T("bad network or address: rejected without dialing", async () => {
  const r1 = await timed(() => NewStore(10, "udp", "127.0.0.1:6379", "", hashKey));
  assert.match(String(r1.error?.message), /unknown network udp/);
  const r2 = await timed(() => NewStore(10, "tcp", "127.0.0.1", "", hashKey));
  assert.match(String(r2.error?.message), /missing port in address/);
});

liveTest(
  "killed mid-run: Get gives [new session, error], Save rejects, both bounded; restart recovers",
  async ({ redis, addr }) => {
    const store = GetRedisStore(await NewStore(10, "tcp", addr, "", hashKey));
    try {
      const [s] = await store.New(request(), name);
      s.Values.set("x", 1);
      const cookie = pair(await save(store, s));

      await redis.kill();

      const got = await timed(() => store.Get(request(cookie), name));
      assert.ok(got.value, "Get resolves");
      const [session, err] = got.value;
      assert.instance(err, Error);
      assert.ok(session.IsNew);
      assert.is(session.Values.size, 0);
      assert.ok(got.ms < 2500, `Get took ${got.ms} ms`);

      const [fresh] = await store.New(request(), name);
      fresh.Values.set("y", 2);
      const saved = await timed(() => save(store, fresh));
      assert.instance(saved.error, Error, "Save rejects");
      assert.ok(saved.ms < 2500, `Save took ${saved.ms} ms`);

      // Many concurrent requests while Redis is down: all settle in bounded time.
      const burst = await timed(() =>
        Promise.all(Array.from({ length: 50 }, () => store.Get(request(cookie), name))),
      );
      assert.ok(burst.value?.every(([, e]) => e instanceof Error));
      assert.ok(burst.ms < 2500, `burst took ${burst.ms} ms`);

      await redis.restart();

      // Same store, same connection object: ioredis reconnects.
      let newCookie = "";
      await eventually("Save to succeed after the restart", 5000, async () => {
        const [n] = await store.New(request(), name);
        n.Values.set("z", 3);
        newCookie = pair(await save(store, n));
        return true;
      });
      const [back, backErr] = await store.New(request(newCookie), name);
      assert.is(backErr, null);
      assert.is(back.Values.get("z"), 3);
      // The restarted Redis is empty: the old cookie now yields a new session, without error.
      const [old, oldErr] = await store.New(request(cookie), name);
      assert.is(oldErr, null);
      assert.ok(old.IsNew);
    } finally {
      await store.Close();
    }
  },
);

liveTest(
  "black-holed mid-run (bytes lost): commands time out, the connection is replaced",
  async ({ redis }) => {
    const proxy = await freezableProxy(redis.port);
    const store = GetRedisStore(await NewStore(10, "tcp", `127.0.0.1:${proxy.port}`, "", hashKey));
    try {
      const [s] = await store.New(request(), name);
      s.Values.set("x", 1);
      const cookie = pair(await save(store, s));

      proxy.freeze(true);
      const got = await timed(() => store.Get(request(cookie), name));
      const [session, err] = got.value!;
      assert.match(String(err?.message), /timed out/i);
      assert.ok(session.IsNew);
      assert.ok(got.ms >= 900 && got.ms < 2500, `Get took ${got.ms} ms`);
      const saved = await timed(() => save(store, s));
      assert.match(String(saved.error?.message), /timed out/i);
      assert.ok(saved.ms < 2500, `Save took ${saved.ms} ms`);

      proxy.freeze(false);
      await eventually("Get to succeed again", 5000, async () => {
        const [again, againErr] = await store.New(request(cookie), name);
        return againErr === null && again.Values.get("x") === 1;
      });
    } finally {
      await store.Close();
      await proxy.close();
    }
  },
);

liveTest(
  "through the demo app: with Redis down a request is served (error logged), Save answers 500",
  async ({ redis, addr }) => {
    const store = await NewStore(10, "tcp", addr, "", hashKey);
    const server = createApp(store);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const logged: string[] = [];
    const previous = SetLogger((m) => logged.push(m));
    try {
      const jar = new CookieJar();
      assert.is((await jar.fetch(`${url}/login?user=ann`)).status, 200);
      await redis.kill();
      const home = await timed(() => jar.fetch(`${url}/home`));
      assert.is(home.value?.status, 401, "a new, empty session: not logged in");
      await home.value?.body?.cancel();
      assert.ok(home.ms < 2500, `${home.ms} ms`);
      assert.is(logged.length, 1);
      assert.match(logged[0], /^\[sessions\] ERROR! /);
      const login = await timed(() => jar.fetch(`${url}/login?user=bob`));
      assert.is(login.value?.status, 500, "Save failed");
      await login.value?.body?.cancel();
      assert.ok(login.ms < 2500, `${login.ms} ms`);
      await redis.restart();
      await eventually("logging in again", 5000, async () => {
        const res = await jar.fetch(`${url}/login?user=carl`);
        await res.body?.cancel();
        return res.status === 200;
      });
      const res = await jar.fetch(`${url}/home`);
      assert.equal(await res.json(), { user: "carl", count: 1, flashes: ["Welcome, carl!"] });
    } finally {
      SetLogger(previous);
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await GetRedisStore(store).Close();
    }
  },
);

T.run();

/** A TCP proxy to `port` that can stop forwarding (both ways) without closing anything. */
async function freezableProxy(port: number) {
  let frozen = false;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = new Socket();
    upstream.connect(port, "127.0.0.1");
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("error", () => {});
      s.on("close", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    const forward = (from: Socket, to: Socket) =>
      from.on("data", (chunk) => {
        if (!frozen) to.write(chunk);
      });
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    port: (server.address() as { port: number }).port,
    /** While frozen, bytes in either direction are dropped (a hung server, lost replies). */
    freeze(on: boolean) {
      frozen = on;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}
