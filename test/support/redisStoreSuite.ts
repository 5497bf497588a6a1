/**
 * The tests the Redis store (test/redis/RediStore.test.ts) and the Redis Cluster store
 * (test/rediscluster/Store.test.ts) share, on a live Redis: Go's store defaults, the bytes a
 * Save writes (ID, key, TTL, gob value, cookie), deletion by MaxAge < 0, maxLength,
 * LoadSessionBySessionId / SaveSessionWithoutContext, and Options(). Both stores are
 * hertz-contrib/sessions v1.0.3 ports on one base (src/internal/redisStore), so each rule
 * here holds for both.
 *
 *   redisStoreTests(liveTest, "NewRediStoreWithPool");
 */
import * as assert from "uvu/assert";
import { decode as gobDecode } from "../../src/gob/index.ts";
import {
  pingStore,
  type RedisSessionStore,
} from "../../src/internal/redisStore/RedisSessionStore.ts";
import {
  LoadSessionBySessionId,
  SaveSessionWithoutContext,
} from "../../src/internal/redisStore/sessionById.ts";
import { CodecsFromPairs, DecodeMulti, EncodeMulti } from "../../src/securecookie/index.ts";
import { newCookie } from "../../src/sessions/cookieHeader.ts";
import { GorillaSession } from "../../src/sessions/GorillaSession.ts";
import type { RespReply } from "./redisServer.ts";
import { backdated, get, hashKey, name, pair, rejects, save } from "./storeCalls.ts";

/** What the shared tests need of a suite's context. */
export interface StoreContext {
  /** The suite's store, on `hashKey`. */
  store: RedisSessionStore;
  /** Sends one command to the Redis (for a cluster: the master) holding the key it names. */
  command(...args: Array<string | number | Uint8Array>): Promise<RespReply>;
  /** Opens another store of the same kind on the same Redis, with a pool of one and `hashKey`. */
  open(): Promise<RedisSessionStore>;
}

/**
 * Adds the shared tests with `liveTest`; `goConstructor` is the Go constructor whose defaults
 * the store has.
 */
export function redisStoreTests(
  liveTest: (title: string, fn: (ctx: StoreContext) => Promise<void>) => void,
  goConstructor: string,
): void {
  liveTest(`store defaults are Go's ${goConstructor}`, async ({ store }) => {
    assert.equal(store.Opts, { Path: "/", MaxAge: 86400 * 30 });
    assert.is(store.DefaultMaxAge, 1200);
    assert.is(store.Codecs.length, 1);
    assert.ok(await pingStore(store));
  });

  liveTest(
    "Save writes ID, key, TTL, gob value and cookie exactly as Go",
    async ({ command, store }) => {
      const { session, err } = await get(store);
      assert.is(err, null);
      assert.ok(session.IsNew);
      assert.is(session.ID, "");
      session.Values.set("user", "ann");
      session.Values.set("count", 3);
      const header = await save(store, session);

      // ID: unpadded std base32 of 32 bytes.
      assert.match(session.ID, /^[A-Z2-7]{52}$/);
      const raw = Buffer.from(base32Decode(session.ID));
      assert.is(raw.length, 32);

      // Key and TTL (SETEX with Options.MaxAge = 30 days).
      const ttl = Number(await command("TTL", `session_${session.ID}`));
      assert.ok(ttl > 86400 * 30 - 5 && ttl <= 86400 * 30, `TTL ${ttl}`);

      // Value: gob of the session map.
      const value = await command("GET", `session_${session.ID}`);
      const decoded = gobDecode(Buffer.from(String(value), "latin1")) as Map<unknown, unknown>;
      assert.instance(decoded, Map);
      assert.equal([...decoded.entries()].sort(), [
        ["count", 3],
        ["user", "ann"],
      ]);

      // Cookie: securecookie of the gob-encoded ID, with the session's options.
      const cookieValue = pair(header).slice(name.length + 1);
      assert.is(DecodeMulti(name, cookieValue, ...CodecsFromPairs(hashKey)), session.ID);
      assert.match(header, /; Path=\/; Expires=[^;]+ GMT; Max-Age=2592000$/);
      const expected = newCookie(name, cookieValue, session.Options);
      assert.is(header.replace(/Expires=[^;]+/, ""), expected.replace(/Expires=[^;]+/, ""));
    },
  );

  liveTest("MaxAge < 0: DEL the key and an expiring empty cookie", async ({ command, store }) => {
    const { session } = await get(store);
    session.Values.set("x", 1);
    const header = await save(store, session);
    assert.is(await command("EXISTS", `session_${session.ID}`), 1);
    const { session: loaded } = await get(store, pair(header));
    loaded.Options.MaxAge = -1;
    const deletion = await save(store, loaded);
    assert.is(await command("EXISTS", `session_${session.ID}`), 0);
    assert.is(deletion, `${name}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:01 GMT; Max-Age=0`);
    const { session: after, err } = await get(store, pair(header));
    assert.is(err, null);
    assert.ok(after.IsNew);
    assert.is(after.Values.size, 0);
  });

  liveTest(
    "maxLength: Go's error text, SetMaxLength raises, negative ignored, 0 unlimited",
    async ({ command, store }) => {
      const { session } = await get(store);
      // Go's test: make([]byte, base64.StdEncoding.DecodedLen(4096*2)).
      session.Values.set("big", new Uint8Array((4096 * 2 * 6) / 8));
      try {
        await rejects(() => save(store, session), /^SessionStore: the value to store is too big$/);
        assert.is(session.ID.length, 52, "the ID is generated before the size check");
        assert.is(await command("EXISTS", `session_${session.ID}`), 0);
        store.SetMaxLength(4096 * 3);
        await save(store, session);
        assert.is(await command("EXISTS", `session_${session.ID}`), 1);
        store.SetMaxLength(-1);
        session.Values.set("big", new Uint8Array(4096 * 3));
        await rejects(() => save(store, session), /too big/);
        store.SetMaxLength(0);
        session.Values.set("big", new Uint8Array(100_000));
        await save(store, session);
        const stored = await command("STRLEN", `session_${session.ID}`);
        assert.ok(Number(stored) > 100_000);
      } finally {
        store.SetMaxLength(4096);
      }
    },
  );

  liveTest(
    "LoadSessionBySessionId: the stored values, or null for a missing key",
    async ({ store }) => {
      const { session } = await get(store);
      session.Values.set("who", "bob");
      await save(store, session);
      const loaded = await LoadSessionBySessionId(store, session.ID);
      assert.ok(loaded);
      assert.is(loaded.ID, session.ID);
      assert.is(loaded.Values.get("who"), "bob");
      assert.is(loaded.Name(), "");
      assert.is(await LoadSessionBySessionId(store, "NO_SUCH_ID"), null);
    },
  );

  liveTest(
    "SaveSessionWithoutContext: SETEX with MaxAge, DefaultMaxAge when 0, no cookie",
    async ({ command, store }) => {
      const s = GorillaSession.New(store, "");
      s.Values.set("a", 1);
      await SaveSessionWithoutContext(store, "ID_DEFAULT", s);
      assert.is(s.ID, "ID_DEFAULT");
      const ttl = Number(await command("TTL", "session_ID_DEFAULT"));
      assert.ok(ttl > 1195 && ttl <= 1200, `DefaultMaxAge TTL ${ttl}`);

      store.DefaultMaxAge = 77;
      try {
        await SaveSessionWithoutContext(store, "ID_CHANGED", s);
        const ttl77 = Number(await command("TTL", "session_ID_CHANGED"));
        assert.ok(ttl77 > 72 && ttl77 <= 77, `changed DefaultMaxAge TTL ${ttl77}`);
      } finally {
        store.DefaultMaxAge = 1200;
      }

      s.Options.MaxAge = 300;
      await SaveSessionWithoutContext(store, "ID_300", s);
      const pttl = Number(await command("PTTL", "session_ID_300"));
      assert.ok(pttl > 295_000 && pttl <= 300_000, `PTTL ${pttl}`);
      assert.equal((await LoadSessionBySessionId(store, "ID_300"))?.Values, s.Values);

      s.Options.MaxAge = -1;
      await rejects(() => SaveSessionWithoutContext(store, "ID_NEG", s), /invalid expire time/);
    },
  );

  liveTest(
    "Options() replaces the defaults with a copy and leaves the codecs' MaxAge",
    async ({ open }) => {
      const store = await open();
      try {
        const opts = { Path: "/app", MaxAge: 60, HttpOnly: true };
        store.Options(opts);
        opts.MaxAge = 1;
        assert.is(store.Opts.MaxAge, 60);
        const { session } = await get(store);
        assert.is(session.Options.Path, "/app");
        assert.ok(session.Options.HttpOnly);
        assert.equal(session.Options, {
          Path: "/app",
          Domain: "",
          MaxAge: 60,
          Secure: false,
          HttpOnly: true,
          SameSite: undefined,
        });
        // The codecs still accept cookies up to 30 days old.
        const { session: s } = await get(store);
        s.Values.set("x", 1);
        const header = await save(store, s);
        assert.match(header, /; Path=\/app; Expires=[^;]+; Max-Age=60; HttpOnly$/);
        const old = EncodeMulti(name, s.ID, ...backdated(3600));
        const { session: loaded, err } = await get(store, `${name}=${old}`);
        assert.is(err, null);
        assert.is(loaded.ID, s.ID);
        assert.is(loaded.IsNew, false);
      } finally {
        await store.Close();
      }
    },
  );
}

/** RFC 4648 base32 decoding without padding (to check the ID carries 32 bytes). */
function base32Decode(s: string): number[] {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const ch of s) {
    const v = alphabet.indexOf(ch);
    if (v < 0) throw new Error(`not base32: ${ch}`);
    acc = (acc << 5) | v;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >>> bits) & 0xff);
    }
  }
  return out;
}
