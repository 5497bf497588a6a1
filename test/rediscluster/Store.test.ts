/**
 * The Redis Cluster store against a real 3-master cluster (one replica each): wire bytes, the
 * save/load/delete rules of hertz-contrib/sessions v1.0.3 `rediscluster/redisc_store.go`, its
 * one fixed bug (a missing key), start failures and a master failover.
 */
import * as assert from "uvu/assert";
import { pingStore } from "../../src/internal/redisStore/RedisSessionStore.ts";
import {
  type ClusterStoreOptions,
  LoadSessionBySessionId,
  NewStore,
  NewStoreWithOption,
  type NodeOptions,
  SaveSessionWithoutContext,
} from "../../src/rediscluster/index.ts";
import { CodecsFromPairs, DecodeMulti } from "../../src/securecookie/index.ts";
import { GobSerializer, JSONSerializer } from "../../src/serializers/index.ts";
import { GorillaSession } from "../../src/sessions/GorillaSession.ts";
import { liveRedisCluster } from "../support/liveRedis.ts";
import { freePort } from "../support/ports.ts";
import { get, hashKey, name, pair, save, timed } from "../support/storeCalls.ts";

/** Resolves when `fn()` rejects with a message matching `re`; fails otherwise. */
async function rejects(fn: () => Promise<unknown>, re: RegExp): Promise<void> {
  try {
    await fn();
  } catch (err) {
    assert.match((err as Error).message, re);
    return;
  }
  assert.unreachable(`expected a rejection matching ${re}`);
}

const { T, liveTest } = liveRedisCluster(
  "rediscluster/Store",
  {},
  async ({ cluster, addrs, defer }) => {
    const seeds = addrs.slice(0, 2);
    const store = await NewStore(10, seeds, "", null, hashKey);
    defer(() => store.Close());
    return { cluster, addrs: seeds, store };
  },
);

liveTest("store defaults are Go's NewStoreWithOption", async ({ store }) => {
  assert.equal(store.Opts, { Path: "/", MaxAge: 86400 * 30 });
  assert.is(store.DefaultMaxAge, 1200);
  assert.ok(await pingStore(store));
});

liveTest(
  "Save writes ID, key, TTL, value and cookie as the single-node store",
  async ({ cluster, store }) => {
    const { session, err } = await get(store);
    assert.is(err, null);
    session.Values.set("user", "ann");
    const header = await save(store, session);
    assert.match(session.ID, /^[A-Z2-7]{52}$/);
    const ttl = Number(await cluster.commandRouted("TTL", `session_${session.ID}`));
    assert.ok(ttl > 86400 * 30 - 5 && ttl <= 86400 * 30, `TTL ${ttl}`);
    const raw = String(await cluster.commandRouted("GET", `session_${session.ID}`));
    const decoded = GorillaSession.New(store, "");
    new GobSerializer().Deserialize(Buffer.from(raw, "latin1"), decoded);
    assert.is(decoded.Values.get("user"), "ann");
    const value = pair(header).slice(name.length + 1);
    assert.is(DecodeMulti(name, value, ...CodecsFromPairs(hashKey)), session.ID);
    assert.match(header, /; Path=\/; Expires=[^;]+ GMT; Max-Age=2592000$/);
  },
);

liveTest("sessions spread over every master all load back", async ({ cluster, store }) => {
  const headers: Array<[string, string]> = [];
  for (let i = 0; i < 30; i++) {
    const { session } = await get(store);
    session.Values.set("i", i);
    const header = await save(store, session);
    headers.push([session.ID, header]);
  }
  const masters = await cluster.masters();
  const owners = new Set<number>();
  for (const [id] of headers) {
    for (const m of masters) {
      const r = await cluster.command(m, "EXISTS", `session_${id}`).catch(() => 0);
      if (r === 1) owners.add(m.port);
    }
  }
  assert.is(owners.size, 3, "keys on every master");
  for (const [i, [id, header]] of headers.entries()) {
    const { session, err } = await get(store, pair(header));
    assert.is(err, null);
    assert.is(session.ID, id);
    assert.is(session.Values.get("i"), i);
  }
});

liveTest(
  "fixed: a missing key is a new session, not go-redis's `redis: nil` error",
  async ({ cluster, store }) => {
    const { session } = await get(store);
    session.Values.set("x", 1);
    const header = await save(store, session);
    await cluster.commandRouted("DEL", `session_${session.ID}`);
    const { session: s, err } = await get(store, pair(header));
    assert.is(err, null);
    assert.ok(s.IsNew);
    assert.is(s.ID, session.ID, "the cookie's ID is kept, as the single-node store does");
    assert.is(await LoadSessionBySessionId(store, session.ID), null);
  },
);

liveTest("MaxAge < 0 deletes the key and expires the cookie", async ({ cluster, store }) => {
  const { session } = await get(store);
  session.Values.set("x", 1);
  const header = await save(store, session);
  const { session: loaded } = await get(store, pair(header));
  loaded.Options.MaxAge = -1;
  const deletion = await save(store, loaded);
  assert.is(deletion, `${name}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:01 GMT; Max-Age=0`);
  assert.is(await cluster.commandRouted("EXISTS", `session_${session.ID}`), 0);
});

liveTest("maxLength: Go's error text; SetMaxLength raises it", async ({ store }) => {
  const { session } = await get(store);
  session.Values.set("big", new Uint8Array(6144));
  try {
    await rejects(() => save(store, session), /^SessionStore: the value to store is too big$/);
    store.SetMaxLength(4096 * 3);
    await save(store, session);
  } finally {
    store.SetMaxLength(4096);
  }
});

liveTest("LoadSessionBySessionId / SaveSessionWithoutContext", async ({ cluster, store }) => {
  const s = GorillaSession.New(store, "");
  s.Values.set("n", 7);
  await SaveSessionWithoutContext(store, "CLUSTER_ID", s);
  const ttl = Number(await cluster.commandRouted("TTL", "session_CLUSTER_ID"));
  assert.ok(ttl > 1195 && ttl <= 1200, `DefaultMaxAge TTL ${ttl}`);
  s.Options.MaxAge = 90;
  await SaveSessionWithoutContext(store, "CLUSTER_ID", s);
  const pttl = Number(await cluster.commandRouted("PTTL", "session_CLUSTER_ID"));
  assert.ok(pttl > 85_000 && pttl <= 90_000, `PTTL ${pttl}`);
  const loaded = await LoadSessionBySessionId(store, "CLUSTER_ID");
  assert.is(loaded?.Values.get("n"), 7);
});

liveTest("SetKeyPrefix and SetSerializer", async ({ cluster, store }) => {
  try {
    store.SetKeyPrefix("c:");
    store.SetSerializer(new JSONSerializer());
    const { session } = await get(store);
    session.Values.set("user", "ann");
    const header = await save(store, session);
    assert.is(await cluster.commandRouted("GET", `c:${session.ID}`), '{"user":"ann"}');
    const { session: back } = await get(store, pair(header));
    assert.is(back.Values.get("user"), "ann");
  } finally {
    store.SetKeyPrefix("session_");
    store.SetSerializer(new GobSerializer());
  }
});

liveTest("Options() replaces the defaults with a copy", async ({ addrs }) => {
  const store = await NewStore(1, addrs, "", null, hashKey);
  try {
    const opts = { Path: "/x", MaxAge: 30 };
    store.Options(opts);
    opts.MaxAge = 1;
    const { session } = await get(store);
    assert.equal(session.Options, {
      Path: "/x",
      Domain: "",
      MaxAge: 30,
      Secure: false,
      HttpOnly: false,
      SameSite: undefined,
    });
    session.Values.set("x", 1);
    assert.match(await save(store, session), /; Path=\/x; Expires=[^;]+; Max-Age=30$/);
  } finally {
    await store.Close();
  }
});

liveTest("newClient adjusts the node options (password included)", async ({ addrs }) => {
  const seen: NodeOptions[] = [];
  const store = await NewStore(
    5,
    addrs,
    "",
    (opt) => {
      seen.push(opt);
      return { ...opt, connectionName: "sessions-test" };
    },
    hashKey,
  );
  try {
    assert.is(seen.length, 1);
    assert.is(seen[0].commandTimeout, 1000);
    const names = await Promise.all(store.Rdb.nodes("master").map((n) => n.client("GETNAME")));
    assert.ok(
      names.every((n) => n === "sessions-test"),
      String(names),
    );
  } finally {
    await store.Close();
  }
});

liveTest("NewStoreWithOption takes ioredis Cluster options", async ({ cluster }) => {
  const opts: ClusterStoreOptions = {
    nodes: [cluster.nodes[0]],
    redisOptions: { commandTimeout: 500 },
    lazyConnect: false,
  };
  const store = await NewStoreWithOption(opts, hashKey);
  try {
    assert.is(store.Rdb.options.redisOptions?.commandTimeout, 500);
    assert.is(store.Rdb.options.redisOptions?.connectTimeout, 2000, "defaults underneath");
    const { session } = await get(store);
    session.Values.set("x", 1);
    await save(store, session);
  } finally {
    await store.Close();
  }
});

liveTest("unreachable at start: a clear, bounded rejection", async () => {
  const ports = [await freePort(), await freePort()];
  const r = await timed(() =>
    NewStore(
      10,
      ports.map((p) => `127.0.0.1:${p}`),
      "",
      null,
      hashKey,
    ),
  );
  assert.ok(r.error);
  assert.match(
    r.error.message,
    `rediscluster: cannot connect to 127.0.0.1:${ports[0]},127.0.0.1:${ports[1]}: `,
  );
  assert.ok(r.ms < 5000, `${r.ms} ms`);
  await rejects(() => NewStore(10, ["no-port"], "", null, hashKey), /missing port in address/);
});

liveTest(
  "master failover: every Get settles in bounded time, then all sessions load again",
  async ({ cluster, store }) => {
    // Sessions on every master (replicated before the kill), so that the killed one owns some.
    const masters = await cluster.masters();
    const saved: Array<{ id: string; header: string; owner: number }> = [];
    for (let i = 0; i < 100 && new Set(saved.map((s) => s.owner)).size < 3; i++) {
      const { session } = await get(store);
      session.Values.set("i", saved.length);
      const header = await save(store, session);
      for (const m of masters) {
        if ((await cluster.command(m, "EXISTS", `session_${session.ID}`).catch(() => 0)) === 1) {
          saved.push({ id: session.ID, header, owner: m.port });
        }
      }
    }
    for (const m of masters) await cluster.command(m, "WAIT", 1, 2000);

    const killed = await cluster.killMaster(0);
    assert.ok(
      saved.some((s) => s.owner === killed.port),
      "the killed master held sessions",
    );
    const deadline = Date.now() + 30_000;
    let recovered = false;
    while (Date.now() < deadline) {
      const round = await timed(() => Promise.all(saved.map((s) => get(store, pair(s.header)))));
      assert.ok(round.value, "Get never rejects");
      assert.ok(round.ms < 3000, `a round of Gets took ${round.ms} ms`);
      recovered = round.value.every(
        (r, i) => r.err === null && !r.session.IsNew && r.session.Values.get("i") === i,
      );
      if (recovered) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(recovered, "all sessions load again after the failover");
    const now = await cluster.masters();
    assert.not.ok(
      now.some((m) => m.port === killed.port),
      "a replica took over",
    );
    // Writes work on every slot again.
    for (let i = 0; i < 12; i++) {
      const { session } = await get(store);
      session.Values.set("after", i);
      await save(store, session);
    }
  },
);

T.run();
