/**
 * Regenerate and Destroy on the Redis store, read by the Go peer (real Hertz on
 * hertz-contrib/sessions) on the same redis-server: after Regenerate the old key is gone and Go
 * reads the session under the new cookie, the old cookie giving it a new empty session; after
 * Destroy neither Redis nor the cookie jar holds anything and Go sees no session. Rolling
 * expiry (`SetRolling(true)`): a read-only request renews the cookie and the key's TTL once half
 * the MaxAge has passed, and Go reads the session under the renewed cookie; `Touch` renews at once.
 */
import * as assert from "uvu/assert";
import { GetRedisStore, NewStore } from "../../src/redis/index.ts";
import type { SecureCookie } from "../../src/securecookie/index.ts";
import { Timestamp } from "../../src/securecookie/timestamp.ts";
import { CookieJar, parseSetCookie } from "../support/cookieJar.ts";
import { liveRedis } from "../support/liveRedis.ts";
import { lifecycleApp } from "./lifecycleApp.ts";

const { T, liveTest } = liveRedis(
  "redis: Regenerate and Destroy, read by the Go peer",
  async ({ redis, addr, startPeer, defer }) => {
    const peer = await startPeer(["-store", "redis", "-redis", addr]);
    const store = GetRedisStore(await NewStore(10, "tcp", addr, "", Buffer.from("secret")));
    defer(() => store.Close());
    store.SetRolling(true);
    const node = await lifecycleApp(store);
    defer(node.close);
    return { redis, peer, store, node };
  },
);

async function json(jar: CookieJar, url: string): Promise<Record<string, unknown>> {
  const res = await jar.fetch(url);
  return (await res.json()) as Record<string, unknown>;
}

liveTest(
  "Regenerate: a new ID and key, the old key deleted; Go follows the new cookie",
  async ({ node, peer, redis }) => {
    const jar = new CookieJar();
    await json(jar, `${peer.url}/login?user=guest`); // a session before login, written by Go
    const before = (await json(jar, `${peer.url}/id`)).id as string;
    const oldCookie = jar.get("mysession")!;
    assert.is(await redis.command("EXISTS", `session_${before}`), 1);

    const after = (await json(jar, `${node.url}/login?user=ann`)).id as string;
    assert.match(after, /^[A-Z2-7]{52}$/);
    assert.is.not(after, before);
    assert.is(await redis.command("EXISTS", `session_${before}`), 0, "old key deleted");
    assert.is(await redis.command("EXISTS", `session_${after}`), 1);
    assert.is.not(jar.get("mysession"), oldCookie);

    // Go reads the regenerated session with the new cookie…
    assert.is((await json(jar, `${peer.url}/id`)).id, after);
    const home = await json(jar, `${peer.url}/home`);
    assert.equal(home.user, "ann");
    // …and the old cookie gives Go a new, empty session.
    const old = new CookieJar();
    old.set("mysession", oldCookie);
    const res = await old.fetch(`${peer.url}/home`);
    assert.is(res.status, 401);
    await res.body?.cancel();
  },
);

liveTest(
  "Destroy: the key and the cookie go, with the store's Path; Go sees no session",
  async ({ node, peer, redis }) => {
    const jar = new CookieJar();
    const id = (await json(jar, `${node.url}/login?user=bob`)).id as string;
    assert.equal((await json(jar, `${peer.url}/home`)).user, "bob");
    const copied = jar.get("mysession")!;

    // The handler gave the session Path=/sub first: the cookie was set on "/", and goes from "/".
    await json(jar, `${node.url}/logout?path=/sub`);
    assert.is(jar.lastSetCookie.length, 1);
    const cookie = parseSetCookie(jar.lastSetCookie[0]);
    assert.is(cookie.path, "/");
    assert.is(cookie.maxAge, 0);
    assert.is(cookie.value, "");
    assert.is(jar.get("mysession"), undefined, "the jar dropped the cookie");
    assert.is(await redis.command("EXISTS", `session_${id}`), 0, "key deleted");

    const res = await jar.fetch(`${peer.url}/home`);
    assert.is(res.status, 401, "Go: no session");
    await res.body?.cancel();
    // A copy of the cookie taken before logout is worth nothing on the Redis store.
    const thief = new CookieJar();
    thief.set("mysession", copied);
    const stolen = await thief.fetch(`${peer.url}/home`);
    assert.is(stolen.status, 401);
    await stolen.body?.cancel();
  },
);

liveTest(
  "rolling: a read-only request renews an old cookie and the key's TTL; Go follows",
  async ({ node, peer, redis, store }) => {
    const codec = store.Codecs[0] as SecureCookie;
    const now = Math.floor(Date.now() / 1000);
    const jar = new CookieJar();
    codec.timeFunc = () => now - 86400 * 16; // a cookie issued 16 days ago (MaxAge: 30 days)
    let id: string;
    try {
      id = (await json(jar, `${node.url}/login?user=cy`)).id as string;
    } finally {
      codec.timeFunc = null;
    }
    assert.is(Timestamp(jar.get("mysession")!), now - 86400 * 16);
    await redis.command("EXPIRE", `session_${id}`, 100);

    await json(jar, `${node.url}/read`);
    assert.is(jar.lastSetCookie.length, 1, "renewed");
    assert.ok(Math.abs(Timestamp(jar.get("mysession")!)! - now) <= 2, "a fresh timestamp");
    assert.is(parseSetCookie(jar.lastSetCookie[0]).maxAge, 86400 * 30);
    const ttl = Number(await redis.command("TTL", `session_${id}`));
    assert.ok(ttl > 86400 * 30 - 10, `TTL renewed: ${ttl}`);

    // A fresh cookie is not renewed again (throttled)…
    await json(jar, `${node.url}/read`);
    assert.is(jar.lastSetCookie.length, 0, "no Set-Cookie for a fresh cookie");
    // …unless the handler asks with Touch.
    await redis.command("EXPIRE", `session_${id}`, 100);
    await json(jar, `${node.url}/touch`);
    assert.is(jar.lastSetCookie.length, 1);
    assert.ok(Number(await redis.command("TTL", `session_${id}`)) > 86400 * 30 - 10);

    assert.equal((await json(jar, `${peer.url}/home`)).user, "cy", "Go reads the renewed session");
  },
);

liveTest(
  "rolling: a handler that never calls Save renews an old cookie and the TTL",
  async ({ node, redis, store }) => {
    const codec = store.Codecs[0] as SecureCookie;
    const now = Math.floor(Date.now() / 1000);
    const jar = new CookieJar();
    codec.timeFunc = () => now - 86400 * 20;
    let id: string;
    try {
      id = (await json(jar, `${node.url}/login?user=eve`)).id as string;
    } finally {
      codec.timeFunc = null;
    }
    await redis.command("EXPIRE", `session_${id}`, 100);
    assert.is((await json(jar, `${node.url}/peek`)).user, "eve");
    assert.is(jar.lastSetCookie.length, 1, "renewed without Save");
    assert.ok(Math.abs(Timestamp(jar.get("mysession")!)! - now) <= 2, "a fresh timestamp");
    const ttl = Number(await redis.command("TTL", `session_${id}`));
    assert.ok(ttl > 86400 * 30 - 10, `TTL renewed: ${ttl}`);
    await json(jar, `${node.url}/peek`);
    assert.is(jar.lastSetCookie.length, 0, "a fresh cookie is not renewed again");
  },
);

liveTest("rolling is off by default: an old cookie read is not renewed", async ({ redis }) => {
  const store = GetRedisStore(
    await NewStore(10, "tcp", `127.0.0.1:${redis.port}`, "", Buffer.from("secret")),
  );
  const node = await lifecycleApp(store);
  const codec = store.Codecs[0] as SecureCookie;
  try {
    const jar = new CookieJar();
    codec.timeFunc = () => Math.floor(Date.now() / 1000) - 86400 * 29;
    await json(jar, `${node.url}/login?user=dee`);
    codec.timeFunc = null;
    await json(jar, `${node.url}/read`);
    assert.is(jar.lastSetCookie.length, 0);
  } finally {
    codec.timeFunc = null;
    await node.close();
    await store.Close();
  }
});

T.run();
