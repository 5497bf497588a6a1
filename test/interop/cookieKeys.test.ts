/**
 * Keys across Hertz and Node on the cookie store: key rotation (Node holding the pairs
 * [new, old] reads a cookie a Go service wrote with the old keys, and writes it back with
 * the new ones), and cookies that do not decode (tampered, foreign keys, not base64): both
 * sides answer with a new empty session and log the same error text.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createApp } from "../../examples/app.ts";
import { NewStore } from "../../src/cookie/index.ts";
import { captureLogAsync } from "../support/captureLog.ts";
import { CookieJar } from "../support/cookieJar.ts";
import { type Peer, startPeer } from "../support/peer.ts";
import { type Served, serve } from "../support/serve.ts";
import {
  KEYS,
  type KeyPair,
  peerArgs,
  type Sides,
  startSides,
  storeKeys,
  type Typed,
  typedEntries,
} from "./cookieSides.ts";

const OLD: KeyPair = { hash: "the previous hash key", block: "fedcba9876543210fedcba9876543210" };

const Keys = suite("interop: key rotation and bad cookies between Hertz and Node");
/** Go on the new keys, Node on [new, old]. */
let sides: Sides | null = null;
/** Go still on the old keys. */
let oldPeer: Peer | null = null;
/** Node on the new keys only. */
let newOnly: Served | null = null;

Keys.before(async () => {
  sides = await startSides(KEYS, [KEYS, OLD]);
  if (!sides) return;
  oldPeer = await startPeer(peerArgs(OLD));
  newOnly = await serve(createApp(NewStore(...storeKeys(KEYS))));
});

Keys.after(async () => {
  await newOnly?.close();
  await oldPeer?.stop();
  await sides?.stop();
});

/** GET on a server by URL through `jar`. */
async function getAt(jar: CookieJar, base: string, path: string) {
  const res = await jar.fetch(`${base}${path}`);
  return { status: res.status, body: (await res.json()) as unknown };
}

/** The `[sessions] ERROR! ...` lines a Go peer wrote to stderr since `from`. */
function goErrors(peer: Peer, from: number): string[] {
  return [
    ...peer
      .stderr()
      .slice(from)
      .matchAll(/\[sessions\] ERROR! .*\n/g),
  ].map((m) => m[0]);
}

Keys(
  "Node with [new, old] reads Go's old-key cookie and writes it back with the new keys",
  async () => {
    if (!sides || !oldPeer || !newOnly) return;
    const jar = new CookieJar();
    assert.equal(await getAt(jar, oldPeer.url, "/login?user=rot"), {
      status: 200,
      body: { user: "rot" },
    });
    const oldCookie = jar.get("mysession")!;

    // Node without the old pair cannot read it: a new session, and the error logged.
    const refused = await captureLogAsync(async () => {
      assert.equal(await getAt(jar, newOnly!.url, "/home"), {
        status: 401,
        body: { error: "not logged in" },
      });
    });
    assert.equal(refused, ["[sessions] ERROR! securecookie: the value is not valid\n"]);

    // Node with [new, old] reads it (the second codec), and saves with the first one.
    const logged = await captureLogAsync(async () => {
      assert.equal(await sides!.get(jar, "node", "/home"), {
        status: 200,
        body: { user: "rot", count: 1, flashes: ["Welcome, rot!"] },
      });
    });
    assert.equal(logged, []);
    assert.is.not(jar.get("mysession"), oldCookie);

    // Go on the new keys reads Node's cookie; Go on the old keys no longer does.
    assert.equal(
      await sides.goDump(jar),
      new Map<string, Typed>([
        ["count", { t: "int", v: "1" }],
        ["user", { t: "string", v: "rot" }],
      ]),
    );
    const from = oldPeer.stderr().length;
    assert.equal(await getAt(jar, oldPeer.url, "/home"), {
      status: 401,
      body: { error: "not logged in" },
    });
    assert.equal(goErrors(oldPeer, from), [
      "[sessions] ERROR! securecookie: the value is not valid\n",
    ]);
    // The new-keys-only Node service reads it too.
    assert.equal(await getAt(jar, newOnly.url, "/incr"), { status: 200, body: { count: 2 } });
    assert.equal(await sides.get(jar, "go", "/incr"), { status: 200, body: { count: 3 } });
  },
);

/** Flips one base64url character of `value` at `i` into another base64url character. */
function flip(value: string, i: number): string {
  return `${value.slice(0, i)}${value[i] === "A" ? "B" : "A"}${value.slice(i + 1)}`;
}

/** Cookies that do not decode, made from a good one. */
const spoilers: Array<[label: string, spoil: (good: string) => string]> = [
  ["one character of the timestamp changed", (good) => flip(good, 3)],
  ["one character in the middle changed", (good) => flip(good, good.length >> 1)],
  ["the MAC cut short", (good) => good.slice(0, -8)],
  ["not base64 at all", () => "not*base64*at*all"],
];

for (const writer of ["go", "node"] as const) {
  Keys(
    `a spoiled cookie written by ${writer}: a new empty session, the same log line on both`,
    async () => {
      if (!sides || !newOnly) return;
      // Node on the same single key pair as the Go peer: one codec on each side, so the
      // error texts are comparable (with two codecs Go's MultiError adds "(and 1 other error)").
      const node = newOnly.url;
      const go = sides.peer.url;
      for (const [label, spoil] of spoilers) {
        const jar = new CookieJar();
        assert.is((await getAt(jar, writer === "go" ? go : node, "/login?user=eve")).status, 200);
        jar.set("mysession", spoil(jar.get("mysession")!));

        const from = sides.peer.stderr().length;
        const logged = await captureLogAsync(async () => {
          assert.equal(await getAt(jar, node, "/dump"), { status: 200, body: {} }, label);
          assert.equal(
            await getAt(jar, node, "/home"),
            { status: 401, body: { error: "not logged in" } },
            label,
          );
        });
        const goDump = await getAt(jar, go, "/dump");
        assert.equal(typedEntries(goDump.body as Typed), new Map(), label);
        assert.equal(
          await getAt(jar, go, "/home"),
          { status: 401, body: { error: "not logged in" } },
          label,
        );
        const goLogged = goErrors(sides.peer, from);
        assert.is(goLogged.length, 2, `${label}: Go logged each request: ${sides.peer.stderr()}`);
        assert.is(logged.length, 2, `${label}: Node logged each request: ${logged.join("")}`);
        assert.equal(logged, goLogged, label);

        // A new session written over the bad cookie by the other side is read back.
        await captureLogAsync(async () => {
          const status = (await getAt(jar, writer === "go" ? node : go, "/login?user=eve")).status;
          assert.is(status, 200, label);
        });
        assert.equal((await sides.goDump(jar)).get("user"), { t: "string", v: "eve" }, label);
      }
    },
  );
}

Keys.run();
