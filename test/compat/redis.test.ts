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
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { CookieJar, parseSetCookie } from "../support/cookieJar.ts";
import { type Peer, startPeer } from "../support/peer.ts";
import { type RedisServer, respCommand, startRedis } from "../support/redisServer.ts";

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

const Redis = suite("peer: redis store");
let redis: RedisServer | null = null;
const peers: Peer[] = [];

/** Starts a peer on the shared server (null when Go or redis-server is missing). */
async function peerOn(...args: string[]): Promise<Peer | null> {
  if (!redis) return null;
  const p = await startPeer(["-store", "redis", "-redis", `127.0.0.1:${redis.port}`, ...args]);
  if (p) peers.push(p);
  return p;
}

Redis.before(async () => {
  redis = await startRedis();
});

Redis.before.each(async () => {
  await redis?.command("FLUSHALL");
});

Redis.after(async () => {
  await Promise.all(peers.map((p) => p.stop()));
  await redis?.stop();
});

Redis("Save writes session_<ID> with SETEX and TTL 86400*30", async () => {
  const peer = await peerOn();
  if (!peer || !redis) return;
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

Redis("Save deletes the key for MaxAge 0 as for MaxAge -1 (logout)", async () => {
  const peer = await peerOn();
  if (!peer || !redis) return;
  const first = await login(peer);
  assert.equal(await get(peer, first.jar, "/options?path=/"), { status: 200, body: { ok: true } });
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
});

Redis("LoadSessionBySessionId and SaveSessionWithoutContext", async () => {
  const peer = await peerOn();
  if (!peer || !redis) return;
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

Redis("-prefix and -db choose the key and the database", async () => {
  const peer = await peerOn("-prefix", "app:", "-db", "3");
  if (!peer || !redis) return;
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

Redis("-serializer json: values come back as JSON types (count is float64)", async () => {
  const peer = await peerOn("-serializer", "json");
  if (!peer || !redis) return;
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
});

Redis("-serializer msgpack: ints come back as the narrowest Go type", async () => {
  const peer = await peerOn("-serializer", "msgpack");
  if (!peer || !redis) return;
  const { jar, id } = await login(peer);
  await get(peer, jar, "/set?key=count&type=int&value=1");
  await get(peer, jar, "/set?key=big&type=int&value=300");
  await get(peer, jar, "/set?key=t&type=time&value=2024-01-02T03:04:05.5Z");
  assert.equal(await get(peer, jar, "/incr"), { status: 500, body: { error: "count is <int8>" } });
  const dump = entries((await get(peer, new CookieJar(), `/load?id=${id}`)).body);
  assert.equal(dump.get("big"), { t: "uint16", v: "300" });
  assert.equal(dump.get("t"), { t: "time.Time", v: "2024-01-02T03:04:05.5Z UTC" });
  assert.equal(dump.get("_flash"), {
    t: "[]interface {}",
    v: [{ t: "string", v: "Welcome, ann!" }],
  });
  const raw = Buffer.from((await redis.command("GET", `session_${id}`)) as string, "latin1");
  assert.is(raw[0] & 0xf0, 0x80, "a msgpack fixmap");
});

Redis("password and Unix socket; a wrong password stops the peer at start", async () => {
  const secured = await startRedis({ password: "s3cret", unixSocket: true });
  if (!secured) return;
  try {
    const args = ["-store", "redis", "-password", "s3cret"];
    const tcp = await startPeer([...args, "-redis", `127.0.0.1:${secured.port}`]);
    if (!tcp) return;
    peers.push(tcp);
    const { id } = await login(tcp);
    assert.is(await secured.command("EXISTS", `session_${id}`), 1);

    const unix = await startPeer([...args, "-redis", secured.socketPath!]);
    if (unix) peers.push(unix);
    const viaSocket = await login(unix!, "bob");
    assert.is(await secured.command("EXISTS", `session_${viaSocket.id}`), 1);

    await startPeer(["-store", "redis", "-redis", `127.0.0.1:${secured.port}`, "-password", "x"])
      .then(() => assert.unreachable("must not start"))
      .catch((e: Error) => assert.match(e.message, /WRONGPASS|invalid password/));
  } finally {
    await secured.stop();
  }
});

Redis.run();
