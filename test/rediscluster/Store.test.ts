/**
 * The Redis Cluster store against a real 3-master cluster (one replica each): the tests it
 * shares with the single-node store (support/redisStoreSuite.ts: wire bytes, deletion,
 * maxLength, the context-free calls, Options), then what is the cluster's own in
 * hertz-contrib/sessions v1.0.3 `rediscluster/redisc_store.go`: keys on every master, its one
 * fixed bug (a missing key), the node options, start failures and a master failover.
 */
import * as assert from "uvu/assert";
import {
  type ClusterStoreOptions,
  LoadSessionBySessionId,
  NewStore,
  NewStoreWithOption,
  type NodeOptions,
} from "../../src/rediscluster/index.ts";
import { GobSerializer, JSONSerializer } from "../../src/serializers/index.ts";
import { liveRedisCluster } from "../support/liveRedis.ts";
import { freePort } from "../support/ports.ts";
import { redisStoreTests } from "../support/redisStoreSuite.ts";
import { get, hashKey, pair, rejects, save, timed } from "../support/storeCalls.ts";

const { T, liveTest } = liveRedisCluster(
  "rediscluster/Store",
  {},
  async ({ cluster, addrs, defer }) => {
    const seeds = addrs.slice(0, 2);
    const store = await NewStore(10, seeds, "", null, hashKey);
    defer(() => store.Close());
    return {
      cluster,
      addrs: seeds,
      store,
      command: cluster.commandRouted,
      open: () => NewStore(1, seeds, "", null, hashKey),
    };
  },
);

redisStoreTests(liveTest, "NewStoreWithOption");

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
