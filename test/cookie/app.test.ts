/**
 * The demo app (examples/app.ts) on the cookie store: `npm start` prints its URL and serves
 * the routes; the environment picks the keys.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createApp, storeFromEnv } from "../../examples/app.ts";
import { CookieStore } from "../../src/cookie/CookieStore.ts";
import { NewStore } from "../../src/cookie/index.ts";
import { CookieJar } from "../support/cookieJar.ts";
import { serve } from "../support/serve.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

test("npm start listens on PORT and prints its URL", async () => {
  const proc = spawn(process.execPath, ["--import", "tsx", "examples/app.ts"], {
    cwd: root,
    env: { ...process.env, PORT: "0", SESSION_HASH_KEY: "k1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no LISTENING line")), 20_000);
      createInterface({ input: proc.stdout! }).on("line", (line) => {
        const m = /^LISTENING (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      proc.on("exit", (code) => reject(new Error(`exited ${code}`)));
    });
    const jar = new CookieJar();
    assert.equal(await (await jar.fetch(`${url}/login?user=ann`)).json(), { user: "ann" });
    // The app used SESSION_HASH_KEY: a store with that key reads its cookie.
    const [s, err] = await NewStore(Buffer.from("k1")).New(
      { headers: { cookie: `mysession=${jar.get("mysession")}` } } as never,
      "mysession",
    );
    assert.is(err, null);
    assert.is(s.Values.get("user"), "ann");
  } finally {
    proc.kill();
  }
});

test("the routes: login, home, incr, flashes, options, dump, logout, errors", async () => {
  const srv = await serve(createApp(NewStore(Buffer.from("secret"))));
  try {
    const jar = new CookieJar();
    const get = async (path: string) => {
      const res = await jar.fetch(`${srv.url}${path}`);
      return [res.status, await res.json()];
    };
    assert.equal(await get("/home"), [401, { error: "not logged in" }]);
    assert.equal(await get("/login?user=ann"), [200, { user: "ann" }]);
    assert.equal(await get("/home"), [200, { user: "ann", count: 1, flashes: ["Welcome, ann!"] }]);
    assert.equal(await get("/incr"), [200, { count: 2 }]);
    assert.equal(await get("/flash?msg=hi"), [200, { ok: true }]);
    assert.equal(await get("/flashes"), [200, { flashes: ["hi"] }]);
    assert.equal(await get("/flashes"), [200, { flashes: [] }]);
    assert.equal(await get("/options?maxAge=bad"), [400, { error: "bad maxAge" }]);
    assert.equal(await get("/options?samesite=bogus"), [400, { error: "bad samesite" }]);
    assert.equal(await get("/options?maxAge=600&path=/&httponly=1&samesite=lax"), [
      200,
      { ok: true },
    ]);
    assert.match(
      jar.lastSetCookie[0],
      /; Path=\/; Expires=[^;]+; Max-Age=600; HttpOnly; SameSite=Lax$/,
    );
    assert.equal(await get("/dump"), [200, { user: "ann", count: 2, opts: 600 }]);
    assert.equal(await get("/id"), [200, { id: "" }]);
    assert.equal(await get("/logout"), [200, { ok: true }]);
    assert.is(jar.get("mysession"), undefined);
    assert.equal(await get("/home"), [401, { error: "not logged in" }]);
    assert.equal(await get("/nope"), [404, { error: "not found" }]);
  } finally {
    await srv.close();
  }
});

test("storeFromEnv: without a Redis variable, the cookie store with the environment's keys", async () => {
  assert.instance(
    await storeFromEnv({ SESSION_HASH_KEY: "x", SESSION_BLOCK_KEY: "0123456789abcdef" }),
    CookieStore,
  );
});

test.run();
