/**
 * The demo's store from the environment (examples/app.ts `storeFromEnv`): the cookie store by
 * default, the Redis store from REDIS_ADDR (host:port or a Unix socket) or REDIS_URL (password
 * and db), the cluster store from REDIS_CLUSTER (test/examples/distributed.test.ts), and
 * `npm start` on Redis. The live parts are skipped without redis-server.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import * as assert from "uvu/assert";
import { storeFromEnv } from "../../examples/app.ts";
import { CookieStore } from "../../src/cookie/CookieStore.ts";
import { RediStore } from "../../src/redis/index.ts";
import type { Store } from "../../src/sessions/Store.ts";
import { CookieJar } from "../support/cookieJar.ts";
import { liveRedis } from "../support/liveRedis.ts";
import { freePort } from "../support/ports.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const name = "mysession";

/** Saves a new session holding `user` on `store`; returns the cookie a browser sends back. */
async function saveUser(store: Store, user: string): Promise<string> {
  const req = new IncomingMessage(new Socket());
  const [s] = await store.New(req, name);
  s.Values.set("user", user);
  const res = new ServerResponse(req);
  await store.Save(req, res, s);
  return String(res.getHeader("set-cookie")).split(";")[0];
}

/** The user of the session `cookie` names, read back through `store`. */
async function userOf(store: Store, cookie: string): Promise<unknown> {
  const req = new IncomingMessage(new Socket());
  req.headers.cookie = cookie;
  const [s, err] = await store.New(req, name);
  assert.is(err, null);
  return s.Values.get("user");
}

async function rejects(p: Promise<unknown>, re: RegExp): Promise<void> {
  try {
    await p;
  } catch (err) {
    assert.match((err as Error).message, re);
    return;
  }
  assert.unreachable(`expected a rejection matching ${re}`);
}

const { T, liveTest } = liveRedis(
  "examples: storeFromEnv",
  { password: "pw d", unixSocket: true },
  async ({ redis }) => ({ redis }),
);

T("no Redis variable: the cookie store, with SESSION_HASH_KEY and SESSION_BLOCK_KEY", async () => {
  const env = { SESSION_HASH_KEY: "k1", SESSION_BLOCK_KEY: "0123456789abcdef" };
  const store = await storeFromEnv(env);
  assert.instance(store, CookieStore);
  const cookie = await saveUser(store, "ann");
  assert.is(
    await userOf(new CookieStore(Buffer.from("k1"), Buffer.from(env.SESSION_BLOCK_KEY)), cookie),
    "ann",
  );
  await rejects(userOf(new CookieStore(Buffer.from("k1")), cookie), /./);
});

T("refused before any connection: two Redis variables, a bad REDIS_URL", async () => {
  await rejects(
    storeFromEnv({ REDIS_ADDR: "127.0.0.1:1", REDIS_CLUSTER: "127.0.0.1:2" }),
    /^set only one of REDIS_ADDR, REDIS_CLUSTER$/,
  );
  await rejects(storeFromEnv({ REDIS_URL: "localhost:6379" }), /only redis:\/\/ is supported/);
  await rejects(
    storeFromEnv({ REDIS_URL: "rediss://h:1" }),
    /only redis:\/\/ is supported, not rediss:/,
  );
  await rejects(storeFromEnv({ REDIS_URL: "not a url" }), /REDIS_URL: not a URL/);
  await rejects(storeFromEnv({ REDIS_URL: "redis://ann:pw@h:1" }), /user ann: only a password/);
});

T("unreachable Redis: the store rejects with the address", async () => {
  const port = await freePort();
  await rejects(
    storeFromEnv({ REDIS_ADDR: `127.0.0.1:${port}` }),
    new RegExp(`127\\.0\\.0\\.1:${port}.*ECONNREFUSED`),
  );
});

liveTest("REDIS_ADDR host:port with REDIS_PASSWORD, and a Unix socket path", async ({ redis }) => {
  const cases = [`${redis.host}:${redis.port}`, redis.socketPath!];
  for (const REDIS_ADDR of cases) {
    await rejects(storeFromEnv({ REDIS_ADDR }), /NOAUTH|WRONGPASS|Authentication/i);
    const store = await storeFromEnv({
      REDIS_ADDR,
      REDIS_PASSWORD: "pw d",
      SESSION_HASH_KEY: "k2",
    });
    try {
      assert.instance(store, RediStore);
      const options = (store as RediStore).Client.options;
      if (REDIS_ADDR.includes("/")) assert.is(options.path, REDIS_ADDR);
      else assert.is(options.port, redis.port);
      const cookie = await saveUser(store, REDIS_ADDR);
      assert.is(await userOf(store, cookie), REDIS_ADDR);
      await rejects(userOf(await storeFromEnv({}), cookie), /./);
    } finally {
      await (store as RediStore).Close();
    }
  }
  assert.is(await redis.command("DBSIZE"), cases.length);
});

liveTest("REDIS_URL: the password and the db index from the URL", async ({ redis }) => {
  const base = `redis://:${encodeURIComponent("pw d")}@${redis.host}:${redis.port}`;
  await rejects(
    storeFromEnv({ REDIS_URL: `redis://${redis.host}:${redis.port}/1` }),
    /NOAUTH|WRONGPASS/,
  );
  await rejects(storeFromEnv({ REDIS_URL: `${base}/99` }), /DB index is out of range/);
  for (const [url, db] of [
    [`${base}/5`, 5],
    [base, 0],
  ] as const) {
    const store = await storeFromEnv({ REDIS_URL: url });
    try {
      assert.is((store as RediStore).Client.options.db, db);
      await saveUser(store, "url");
    } finally {
      await (store as RediStore).Close();
    }
    const keyspace = String(await redis.command("INFO", "keyspace"));
    assert.match(keyspace, new RegExp(`^db${db}:keys=`, "m"), keyspace);
  }
});

/** Runs `npm start` (as its script does) with `env`; resolves its URL once it listens. */
async function npmStart(env: Record<string, string>): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, ["--import", "tsx", "examples/app.ts"], {
    cwd: root,
    env: { ...process.env, PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  proc.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: proc.stdout! }).on("line", (line) => {
      const m = /^LISTENING (http:\/\/\S+)$/.exec(line);
      if (m) resolve(m[1]);
    });
    proc.on("exit", (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  return { proc, url };
}

liveTest(
  "npm start on REDIS_ADDR: sessions in Redis; SIGTERM closes it cleanly",
  async ({ redis }) => {
    const { proc, url } = await npmStart({ REDIS_ADDR: redis.socketPath!, REDIS_PASSWORD: "pw d" });
    const exited = once(proc, "exit");
    try {
      const jar = new CookieJar();
      const before = Number(await redis.command("DBSIZE"));
      assert.equal(await (await jar.fetch(`${url}/login?user=eve`)).json(), { user: "eve" });
      const { id } = (await (await jar.fetch(`${url}/id`)).json()) as { id: string };
      assert.match(id, /^[A-Z2-7]{52}$/);
      assert.is(await redis.command("EXISTS", `session_${id}`), 1);
      assert.is(Number(await redis.command("DBSIZE")), before + 1);
    } finally {
      proc.kill("SIGTERM");
    }
    assert.equal(await exited, [0, null], "exits by itself once the server and Redis are closed");
  },
);

T("npm start with an unreachable Redis: the cause on stderr, exit code 1", async () => {
  const port = await freePort();
  await rejects(
    npmStart({ REDIS_ADDR: `127.0.0.1:${port}` }),
    new RegExp(`exited 1: redis: cannot connect to tcp 127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`),
  );
});

T.run();
