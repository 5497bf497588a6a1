/**
 * Keys are checked when a store is made (Go fails on the first Encode/Decode): no key pairs,
 * an empty or missing hash key, a block key of another size than 16/24/32. A short hash key
 * is a warning, given once per process.
 */
import { execFile } from "node:child_process";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { NewStore } from "../../src/cookie/index.ts";
import * as redis from "../../src/redis/index.ts";
import * as rediscluster from "../../src/rediscluster/index.ts";
import { checkKeyPairs } from "../../src/sessions/checkKeyPairs.ts";
import { SessionsTypeError } from "../../src/sessions/SessionsError.ts";
import { configError } from "../support/configError.ts";
import { freePort } from "../support/ports.ts";

const key32 = Buffer.alloc(32, 7);

test("cookie.NewStore refuses keys no codec could use, saying what to pass", () => {
  configError(() => NewStore(), /^cookie\.NewStore: no key pairs: pass at least a hash key/);
  configError(
    () => NewStore(Buffer.alloc(0)),
    /hash key 1 is 0 bytes: pass a non-empty Uint8Array/,
  );
  configError(() => NewStore(null), /hash key 1 is missing/);
  configError(
    () => NewStore("secret" as unknown as Uint8Array),
    /hash key 1 is a string, not a Uint8Array/,
  );
  configError(
    () => NewStore(key32, Buffer.alloc(5)),
    /block key 1 is 5 bytes: AES needs a key of 16, 24 or 32 bytes \(or null for no encryption\)/,
  );
  configError(() => NewStore(key32, Buffer.alloc(0)), /block key 1 is 0 bytes/);
  configError(() => NewStore(key32, null, key32, Buffer.alloc(17)), /block key 2 is 17 bytes/);
  configError(() => NewStore(key32, null, Buffer.alloc(0)), /hash key 2 is 0 bytes/);
});

test("every AES key size and HMAC only are accepted", () => {
  for (const block of [null, undefined, Buffer.alloc(16), Buffer.alloc(24), Buffer.alloc(32)]) {
    checkKeyPairs("x", [key32, block]);
    NewStore(key32, block);
  }
  checkKeyPairs("x", [key32]);
});

test("the Redis stores refuse bad keys before connecting (no Redis needed)", async () => {
  const port = await freePort();
  const t0 = Date.now();
  for (const p of [
    redis.NewStore(10, "tcp", `127.0.0.1:${port}`, "", key32, Buffer.alloc(5)),
    redis.NewStoreWithDB(10, "tcp", `127.0.0.1:${port}`, "", 0),
    rediscluster.NewStore(10, [`127.0.0.1:${port}`], "", null, Buffer.alloc(0)),
  ]) {
    const err = (await p.then(
      () => assert.unreachable("resolved"),
      (e: unknown) => e,
    )) as SessionsTypeError;
    assert.instance(err, SessionsTypeError);
    assert.is(err.code, "ERR_INVALID_CONFIG");
    assert.match(err.message, /^(redis|rediscluster)\.NewStore: /);
  }
  assert.ok(Date.now() - t0 < 500, "no connection attempt");
});

/** Runs `code` in a fresh Node process (its own once-per-process state); resolves its stderr. */
function fresh(code: string): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", code],
      { cwd: process.cwd(), timeout: 30_000 },
      (err, _out, stderr) => (err ? reject(err) : resolve(stderr)),
    ),
  );
}

test("a hash key shorter than 32 bytes: one warning per process, through the logger", async () => {
  const stderr = await fresh(`
    import { NewStore } from "./src/cookie/index.ts";
    NewStore(Buffer.from("secret"));
    NewStore(Buffer.from("other"), null, Buffer.from("third"));
    NewStore(Buffer.from("secret"));
  `);
  const lines = stderr.split("\n").filter((l) => l.includes("WARN!"));
  assert.equal(lines, [
    "[Warn] [sessions] WARN! a hash key shorter than 32 bytes is easy to guess: use 32 or 64 random bytes (securecookie.GenerateRandomKey(32)); this warning is given once",
  ]);
  const quiet = await fresh(`
    import { NewStore } from "./src/cookie/index.ts";
    NewStore(Buffer.alloc(32, 1), null, Buffer.alloc(64, 2));
  `);
  assert.is(quiet, "", "32 and 64-byte keys: no warning");
  const logged = await fresh(`
    import { NewStore } from "./src/cookie/index.ts";
    import { SetLogger } from "./src/index.ts";
    SetLogger((m, level) => process.stderr.write("custom " + level + " " + m));
    NewStore(Buffer.from("secret"));
  `);
  assert.match(logged, /^custom warn \[sessions\] WARN! a hash key shorter than 32 bytes/);
});

test.run();
