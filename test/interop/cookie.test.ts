/**
 * A browser bouncing between a Go Hertz service and a Node service on one cookie session:
 * one cookie jar drives the Go peer (compat/cmd/peer on hertz-contrib/sessions'
 * cookie.NewStore) and the demo app (examples/app.ts on this cookie store) in turn, same
 * hash key and AES-256 block key, session "mysession". Every step is checked on both
 * sides: the route's answer, and each side's /dump of the session values (Go's with the Go
 * type of every value).
 *
 * The steps run in order on the same jar; each one starts from where the previous left off.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { CookieJar, parseSetCookie } from "../support/cookieJar.ts";
import { KEYS, type Sides, startSides, type Typed } from "./cookieSides.ts";

const Bounce = suite("interop: one cookie session bounced between Hertz and Node");
let sides: Sides | null = null;
const jar = new CookieJar();

Bounce.before(async () => {
  sides = await startSides(KEYS);
});

Bounce.after(async () => {
  await sides?.stop();
});

const str = (v: string): Typed => ({ t: "string", v });
const int = (n: number): Typed => ({ t: "int", v: String(n) });
const flashes = (...msgs: string[]): Typed => ({ t: "[]interface {}", v: msgs.map(str) });

Bounce("login on Go: the user and the welcome flash, read alike on both sides", async () => {
  if (!sides) return;
  assert.equal(await sides.get(jar, "go", "/login?user=ann"), {
    status: 200,
    body: { user: "ann" },
  });
  assert.ok(jar.get("mysession"), "Go set the session cookie");
  assert.equal(
    await sides.goDump(jar),
    new Map([
      ["_flash", flashes("Welcome, ann!")],
      ["user", str("ann")],
    ]),
  );
  assert.equal(await sides.nodeDump(jar), { _flash: ["Welcome, ann!"], user: "ann" });
});

Bounce("/home on Node: the user seen, count 1 (a Go int), the welcome flash read", async () => {
  if (!sides) return;
  assert.equal(await sides.get(jar, "node", "/home"), {
    status: 200,
    body: { user: "ann", count: 1, flashes: ["Welcome, ann!"] },
  });
  // The flash is gone (Flashes deletes "_flash"), the count is an int for Go.
  assert.equal(
    await sides.goDump(jar),
    new Map([
      ["count", int(1)],
      ["user", str("ann")],
    ]),
  );
  assert.equal(await sides.nodeDump(jar), { user: "ann", count: 1 });
});

Bounce(
  "/incr on Go: Node's count is a Go int (Go answers 500 'count is <T>' otherwise)",
  async () => {
    if (!sides) return;
    assert.equal(await sides.get(jar, "go", "/incr"), { status: 200, body: { count: 2 } });
    assert.equal(await sides.nodeDump(jar), { user: "ann", count: 2 });
    assert.equal((await sides.goDump(jar)).get("count"), int(2));
  },
);

Bounce("/incr on Node: Go's /dump still shows count as an int", async () => {
  if (!sides) return;
  assert.equal(await sides.get(jar, "node", "/incr"), { status: 200, body: { count: 3 } });
  assert.equal(
    await sides.goDump(jar),
    new Map([
      ["count", int(3)],
      ["user", str("ann")],
    ]),
  );
  assert.equal(await sides.get(jar, "go", "/incr"), { status: 200, body: { count: 4 } });
  assert.equal(await sides.get(jar, "node", "/incr"), { status: 200, body: { count: 5 } });
  assert.equal((await sides.goDump(jar)).get("count"), int(5));
});

Bounce("flashes added on each side are read on the other, in order", async () => {
  if (!sides) return;
  const flash = async (side: "go" | "node", msg: string) =>
    assert.equal(await sides!.get(jar, side, `/flash?msg=${encodeURIComponent(msg)}`), {
      status: 200,
      body: { ok: true },
    });
  await flash("go", "from go 1");
  await flash("node", "from node 1");
  await flash("go", "from go 2");
  assert.equal(
    (await sides.goDump(jar)).get("_flash"),
    flashes("from go 1", "from node 1", "from go 2"),
  );
  assert.equal((await sides.nodeDump(jar))._flash, ["from go 1", "from node 1", "from go 2"]);
  assert.equal(await sides.get(jar, "node", "/flashes"), {
    status: 200,
    body: { flashes: ["from go 1", "from node 1", "from go 2"] },
  });
  assert.equal(await sides.get(jar, "go", "/flashes"), { status: 200, body: { flashes: [] } });

  await flash("node", "from node 2");
  await flash("go", "from go 3");
  await flash("node", "from node 3");
  assert.equal(
    (await sides.goDump(jar)).get("_flash"),
    flashes("from node 2", "from go 3", "from node 3"),
  );
  assert.equal(await sides.get(jar, "go", "/flashes"), {
    status: 200,
    body: { flashes: ["from node 2", "from go 3", "from node 3"] },
  });
  assert.equal(await sides.get(jar, "node", "/flashes"), { status: 200, body: { flashes: [] } });
  assert.equal(await sides.nodeDump(jar), { user: "ann", count: 5 });
  assert.equal(
    await sides.goDump(jar),
    new Map([
      ["count", int(5)],
      ["user", str("ann")],
    ]),
  );
});

/** Values Go plants with /set: key, Go type (the /set type name), text, and Go's %T. */
const planted: Array<[key: string, type: string, value: string, goType: string]> = [
  ["i8", "int8", "-128", "int8"],
  ["i16", "int16", "-300", "int16"],
  ["u", "uint", "7", "uint"],
  ["u32", "uint32", "4294967295", "uint32"],
  ["u64", "uint64", "18446744073709551615", "uint64"],
  ["i64", "int64", "-9223372036854775808", "int64"],
  ["f32", "float32", "0.1", "float32"],
  ["f64", "float64", "1", "float64"],
  ["b", "bool", "false", "bool"],
  ["t", "time", "2024-01-02T03:04:05.123456789+02:00", "time.Time"],
  ["tneg", "time", "1969-07-20T20:17:40.000000001-05:30", "time.Time"],
  ["tutc", "time", "2024-01-02T03:04:05.5Z", "time.Time"],
  [
    "who",
    "user",
    '{"Name":"ann","Age":42,"Admin":true,"Joined":"2023-04-05T06:07:08.009000001+01:00","Tags":["a","b"]}',
    "main.User",
  ],
  ["pt", "point", '{"X":-1,"Y":2147483647,"W":1}', "main.Point"],
  ["strs", "strings", "x,y,z", "[]string"],
  ["nostrs", "strings", "", "[]string"],
  ["bytes", "bytes", "AAEC/w==", "[]uint8"],
  ["m", "map", '{"k":"v","n":1.5}', "map[string]interface {}"],
  ["nil", "nil", "", "nil"],
];

Bounce("typed values planted by Go keep their exact Go types through a Node save", async () => {
  if (!sides) return;
  for (const [key, type, value] of planted) {
    assert.equal(
      await sides.get(jar, "go", `/set?key=${key}&type=${type}&value=${encodeURIComponent(value)}`),
      { status: 200, body: { ok: true } },
      key,
    );
  }
  const before = await sides.goDump(jar);
  for (const [key, , , goType] of planted) assert.is(before.get(key)?.t, goType, key);

  // Node decodes everything, changes another key, and encodes the whole map again.
  assert.equal(await sides.get(jar, "node", "/incr"), { status: 200, body: { count: 6 } });
  const after = await sides.goDump(jar);
  assert.equal(after.get("count"), int(6));
  assert.equal(after.get("user"), str("ann"));
  for (const [key] of planted) {
    // tjson prints every value with its Go type, time zones and nanoseconds included.
    assert.is(JSON.stringify(after.get(key)), JSON.stringify(before.get(key)), key);
  }
  assert.is(after.size, planted.length + 2);

  // Node saw them as the documented JavaScript values.
  const seen = await sides.nodeDump(jar);
  assert.is(seen.i8, -128);
  assert.is(seen.u64, "18446744073709551615"); // a bigint, printed as text by the demo app
  assert.is(seen.i64, "-9223372036854775808");
  assert.is(seen.f64, 1);
  assert.is(seen.b, false);
  assert.is(seen.nil, null);
  assert.equal(seen.strs, ["x", "y", "z"]);
  assert.equal(seen.nostrs, []);
  assert.is(seen.bytes, "AAEC/w==");
  assert.is(seen.tutc, "2024-01-02T03:04:05.500Z");
  assert.is(seen.t, "2024-01-02T01:04:05.123Z");
  assert.equal(seen.m, { k: "v", n: 1.5 });

  // And Go goes on with them: its count is still an int.
  assert.equal(await sides.get(jar, "go", "/incr"), { status: 200, body: { count: 7 } });
  const again = await sides.goDump(jar);
  for (const [key] of planted) {
    assert.is(JSON.stringify(again.get(key)), JSON.stringify(before.get(key)), key);
  }
});

Bounce("/options on either side: the cookie carries them and the session goes on", async () => {
  if (!sides) return;
  const query = "maxAge=600&path=/&domain=127.0.0.1&secure=1&httponly=1&samesite=lax";
  for (const [side, other] of [
    ["node", "go"],
    ["go", "node"],
  ] as const) {
    const [header] = await sides.setCookies(jar, side, `/options?${query}`);
    const c = parseSetCookie(header);
    assert.equal(
      [c.name, c.maxAge, c.path, c.domain, c.secure, c.httpOnly, c.sameSite],
      ["mysession", 600, "/", "127.0.0.1", true, true, "Lax"],
      side,
    );
    assert.ok(Math.abs(c.expires!.getTime() - (Date.now() + 600_000)) < 5_000, side);
    // The other side reads the session written under these options.
    if (other === "go") {
      const dump = await sides.goDump(jar);
      assert.equal(dump.get("opts"), int(600));
      assert.equal(dump.get("user"), str("ann"));
    } else {
      const dump = await sides.nodeDump(jar);
      assert.is(dump.opts, 600);
      assert.is(dump.user, "ann");
    }
  }
  // The options hold for one Save: the next Save on either side uses the store's defaults.
  for (const side of ["node", "go"] as const) {
    const [header] = await sides.setCookies(jar, side, "/incr");
    const c = parseSetCookie(header);
    assert.equal(
      [c.maxAge, c.path, c.domain, c.secure, c.httpOnly, c.sameSite],
      [2592000, "/", undefined, false, false, undefined],
      side,
    );
  }
  assert.equal((await sides.goDump(jar)).get("count"), int(9));
});

Bounce("/logout on Go (MaxAge -1) deletes the cookie: Node sees no session", async () => {
  if (!sides) return;
  assert.equal(await sides.get(jar, "go", "/logout"), { status: 200, body: { ok: true } });
  const del = parseSetCookie(jar.lastSetCookie[0]);
  assert.is(del.name, "mysession");
  assert.is(del.expires?.getTime(), 1000);
  assert.is(jar.get("mysession"), undefined);
  assert.equal(await sides.get(jar, "node", "/home"), {
    status: 401,
    body: { error: "not logged in" },
  });
  assert.equal(await sides.nodeDump(jar), {});
  assert.equal(await sides.goDump(jar), new Map());
});

Bounce("login on Node, /home on Go, /logout on Node: Go sees no session", async () => {
  if (!sides) return;
  assert.equal(await sides.get(jar, "node", "/login?user=bob"), {
    status: 200,
    body: { user: "bob" },
  });
  assert.equal(await sides.get(jar, "go", "/home"), {
    status: 200,
    body: { user: "bob", count: 1, flashes: ["Welcome, bob!"] },
  });
  assert.equal(await sides.get(jar, "node", "/logout"), { status: 200, body: { ok: true } });
  const del = parseSetCookie(jar.lastSetCookie[0]);
  assert.equal([del.name, del.maxAge, del.expires?.getTime()], ["mysession", 0, 1000]);
  assert.is(jar.get("mysession"), undefined);
  assert.equal(await sides.get(jar, "go", "/home"), {
    status: 401,
    body: { error: "not logged in" },
  });
  assert.equal(await sides.goDump(jar), new Map());
  assert.equal(await sides.nodeDump(jar), {});
});

Bounce.run();
