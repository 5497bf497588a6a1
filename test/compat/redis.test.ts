/**
 * The Go peer on hertz-contrib/sessions' Redis store (redigo, a private redis-server):
 * the key it writes (`session_<ID>`), its TTL, the serializers, key prefix, DB, password,
 * Unix socket, and the context-free LoadSessionBySessionId / SaveSessionWithoutContext.
 *
 * Facts pinned (redis/redistore.go v1.0.3): store options are {Path "/", MaxAge 86400*30}
 * and Save runs `SETEX <prefix><ID> <MaxAge> <value>`, so the TTL is 2592000; a session
 * with MaxAge <= 0 (0 included) is deleted on Save: DEL, and a cookie with an empty value, so
 * DefaultMaxAge (1200 s, the TTL for MaxAge 0 in save()) is reached only through
 * SaveSessionWithoutContext. IDs are unpadded base32 of 32 random bytes: 52 chars of [A-Z2-7].
 */
import * as assert from "uvu/assert";
import { CookieJar, parseSetCookie } from "../support/cookieJar.ts";
import { type Live, liveRedis } from "../support/liveRedis.ts";
import { type Peer, startPeer } from "../support/peer.ts";
import { respCommand } from "../support/redisServer.ts";

type Typed = { t: string; v?: unknown };
type Reply = { status: number; body: unknown };

function entries(dump: unknown): Map<string, Typed> {
  const d = dump as Typed;
  assert.is(d.t, "map[interface {}]interface {}");
  const out = new Map<string, Typed>();
  for (const [k, v] of (d.v ?? []) as Array<[Typed, Typed]>) out.set(String(k.v), v);
  return out;
}

async function get(peer: Peer, jar: CookieJar, path: string): Promise<Reply> {
  const res = await jar.fetch(`${peer.url}${path}`);
  return { status: res.status, body: await res.json() };
}

/** Logs in on `peer`: the jar, the session ID and the login's Set-Cookie header. */
async function login(
  peer: Peer,
  user = "ann",
): Promise<{ jar: CookieJar; id: string; setCookie: string }> {
  const jar = new CookieJar();
  assert.equal(await get(peer, jar, `/login?user=${user}`), { status: 200, body: { user } });
  const [setCookie] = jar.lastSetCookie;
  const { body } = await get(peer, jar, "/id");
  return { jar, id: (body as { id: string }).id, setCookie };
}

const ID = /^[A-Z2-7]{52}$/;

/**
 * Starts a peer with `args`, stopped after the suite: each test starts the peer its flags
 * need (null when Go is missing: the test is skipped).
 */
function peerStarter(defer: Live["defer"]): (args: string[]) => Promise<Peer | null> {
  return async (args) => {
    const p = await startPeer(args);
    if (p) defer(() => p.stop());
    return p;
  };
}

const { T: Redis, liveTest } = liveRedis("peer: redis store", async ({ redis, addr, defer }) => {
  const start = peerStarter(defer);
  /** Starts a peer on the suite's server. */
  const peerOn = (...args: string[]) => start(["-store", "redis", "-redis", addr, ...args]);
  return { redis, peerOn };
});

Redis.before.each(async ({ redis }) => {
  await redis?.command("FLUSHALL");
});

liveTest("Save writes session_<ID> with SETEX and TTL 86400*30", async ({ redis, peerOn }) => {
  const peer = await peerOn();
  if (!peer) return;
  const { jar, id, setCookie } = await login(peer);
  assert.match(id, ID);
  assert.equal(await redis.command("KEYS", "*"), [`session_${id}`]);
  const ttl = (await redis.command("TTL", `session_${id}`)) as number;
  assert.ok(ttl > 2592000 - 10 && ttl <= 2592000, `ttl ${ttl}`);

  const cookie = parseSetCookie(setCookie);
  assert.equal(
    cookie.attributes.map((a) => a.name),
    ["max-age", "expires", "path"],
  );
  assert.is(cookie.maxAge, 2592000);

  assert.equal(await get(peer, jar, "/home"), {
    status: 200,
    body: { user: "ann", count: 1, flashes: ["Welcome, ann!"] },
  });
  assert.equal(await get(peer, jar, "/home"), {
    status: 200,
    body: { user: "ann", count: 2, flashes: [] },
  });
  assert.equal(await get(peer, jar, "/incr"), { status: 200, body: { count: 3 } });
  assert.equal(await get(peer, jar, "/id"), { status: 200, body: { id } }, "the ID is stable");
  // The value is gob: its first message defines map[interface {}]interface {}.
  const raw = Buffer.from((await redis.command("GET", `session_${id}`)) as string, "latin1");
  assert.ok(raw.includes(Buffer.from("count")) && raw.includes(Buffer.from("ann")));
});

liveTest(
  "Save deletes the key for MaxAge 0 as for MaxAge -1 (logout)",
  async ({ redis, peerOn }) => {
    const peer = await peerOn();
    if (!peer) return;
    const first = await login(peer);
    assert.equal(await get(peer, first.jar, "/options?path=/"), {
      status: 200,
      body: { ok: true },
    });
    assert.is(first.jar.lastSetCookie[0], "mysession=; path=/", "MaxAge 0: empty session cookie");
    assert.equal(await redis.command("EXISTS", `session_${first.id}`), 0);

    const { jar, id } = await login(peer);
    assert.equal(await get(peer, jar, "/logout"), { status: 200, body: { ok: true } });
    assert.equal(await redis.command("EXISTS", `session_${id}`), 0);
    assert.is(
      jar.lastSetCookie[0],
      "mysession=; expires=Thu, 01 Jan 1970 00:00:01 GMT; path=/",
      "the Redis store deletes with an empty value",
    );
    assert.equal(await get(peer, jar, "/home"), { status: 401, body: { error: "not logged in" } });
  },
);

liveTest("LoadSessionBySessionId and SaveSessionWithoutContext", async ({ redis, peerOn }) => {
  const peer = await peerOn();
  if (!peer) return;
  const { jar, id } = await login(peer);
  const loaded = entries((await get(peer, new CookieJar(), `/load?id=${id}`)).body);
  assert.equal(loaded.get("user"), { t: "string", v: "ann" });
  assert.equal(await get(peer, new CookieJar(), "/load?id=NOSUCHID"), {
    status: 404,
    body: { error: "not found" },
  });

  const none = new CookieJar();
  assert.equal(await get(peer, none, `/savewithoutcontext?id=${id}&key=k&value=7`), {
    status: 200,
    body: { ok: true },
  });
  const dump = entries((await get(peer, jar, "/dump")).body);
  assert.equal(dump.get("k"), { t: "int", v: "7" });
  assert.equal(dump.get("user"), { t: "string", v: "ann" }, "loaded values kept");

  assert.equal(await get(peer, none, "/savewithoutcontext?id=FRESH&key=k&value=8"), {
    status: 200,
    body: { ok: true },
  });
  const ttl = (await redis.command("TTL", "session_FRESH")) as number;
  assert.ok(ttl > 2592000 - 10, `a new session gets the store's MaxAge: ttl ${ttl}`);
  assert.equal(entries((await get(peer, none, "/load?id=FRESH")).body).get("k"), {
    t: "int",
    v: "8",
  });
});

liveTest("-prefix and -db choose the key and the database", async ({ redis, peerOn }) => {
  const peer = await peerOn("-prefix", "app:", "-db", "3");
  if (!peer) return;
  const { id } = await login(peer);
  assert.equal(await redis.command("KEYS", "*"), [], "nothing in DB 0");
  const node = { host: redis.host, port: redis.port };
  assert.equal(
    await respCommand(node, [
      ["SELECT", 3],
      ["KEYS", "*"],
    ]),
    [`app:${id}`],
  );
});

liveTest(
  "-serializer json: values come back as JSON types (count is float64)",
  async ({ redis, peerOn }) => {
    const peer = await peerOn("-serializer", "json");
    if (!peer) return;
    const { jar, id } = await login(peer);
    const stored = JSON.parse((await redis.command("GET", `session_${id}`)) as string);
    assert.equal(stored, { _flash: ["Welcome, ann!"], user: "ann" });
    assert.equal(await get(peer, jar, "/set?key=count&type=int&value=1"), {
      status: 200,
      body: { ok: true },
    });
    assert.equal(await get(peer, jar, "/incr"), {
      status: 500,
      body: { error: "count is <float64>" },
    });
    // LoadSessionBySessionId leaves Values nil and JSONSerializer writes into it: Go panics.
    const { status, body } = await get(peer, new CookieJar(), `/load?id=${id}`);
    assert.is(status, 500);
    assert.match((body as { error: string }).error, /panic: assignment to entry in nil map/);
  },
);

liveTest(
  "-serializer msgpack: ints come back as the narrowest Go type",
  async ({ redis, peerOn }) => {
    const peer = await peerOn("-serializer", "msgpack");
    if (!peer) return;
    const { jar, id } = await login(peer);
    await get(peer, jar, "/set?key=count&type=int&value=1");
    await get(peer, jar, "/set?key=big&type=int&value=300");
    await get(peer, jar, "/set?key=t&type=time&value=2024-01-02T03:04:05.5Z");
    assert.equal(await get(peer, jar, "/incr"), {
      status: 500,
      body: { error: "count is <int8>" },
    });
    const dump = entries((await get(peer, new CookieJar(), `/load?id=${id}`)).body);
    assert.equal(dump.get("big"), { t: "uint16", v: "300" });
    assert.equal(dump.get("t"), { t: "time.Time", v: "2024-01-02T03:04:05.5Z UTC" });
    assert.equal(dump.get("_flash"), {
      t: "[]interface {}",
      v: [{ t: "string", v: "Welcome, ann!" }],
    });
    const raw = Buffer.from((await redis.command("GET", `session_${id}`)) as string, "latin1");
    assert.is(raw[0] & 0xf0, 0x80, "a msgpack fixmap");
  },
);

Redis.run();

const Secured = liveRedis(
  "peer: redis store with a password",
  { password: "s3cret", unixSocket: true },
  async ({ redis, addr, defer }) => ({ secured: redis, addr, start: peerStarter(defer) }),
);

Secured.liveTest(
  "password and Unix socket; a wrong password stops the peer at start",
  async ({ secured, addr, start }) => {
    const args = ["-store", "redis", "-password", "s3cret"];
    const tcp = await start([...args, "-redis", addr]);
    if (!tcp) return;
    const { id } = await login(tcp);
    assert.is(await secured.command("EXISTS", `session_${id}`), 1);

    const unix = await start([...args, "-redis", secured.socketPath!]);
    const viaSocket = await login(unix!, "bob");
    assert.is(await secured.command("EXISTS", `session_${viaSocket.id}`), 1);

    await startPeer(["-store", "redis", "-redis", addr, "-password", "x"])
      .then(() => assert.unreachable("must not start"))
      .catch((e: Error) => assert.match(e.message, /WRONGPASS|invalid password/));
  },
);

Secured.T.run();
