/**
 * Go-made cookies (compat/cmd/gocodec: real gorilla/securecookie) explained: valid ones with
 * their Go types, and each way one fails, with Go's own error text for the same cookie,
 * keys and settings.
 */
import * as assert from "uvu/assert";
import {
  type CookieCheck,
  type CookieReport,
  explainCookie,
  type KeyPair,
} from "../../src/cli/explainCookie.ts";
import { vectors } from "../support/gobVectors.ts";
import { type GoCodec, goCodecSuite } from "../support/gocodec.ts";

type GoError = { text: string };
type GoEntry = { key: string; keyType: string; type: string; value: string };

const t = goCodecSuite("cli explainCookie");

const hashKey = Buffer.from("explain-hash-key-0123456789abcdef");
const oldHashKey = Buffer.from("explain-old-hash-key");
const aes128 = Buffer.from("explain-aes-128!");
const aes256 = Buffer.from("explain-aes-256-key-0123456789ab");
const hex = (b: Uint8Array | null) => (b === null ? null : Buffer.from(b).toString("hex"));

interface GoSpec {
  name?: string;
  pairs: KeyPair[];
  hashFunc?: string;
  encoder?: string;
  maxAge?: number;
  minAge?: number;
  maxLength?: number;
}

function specOf(s: GoSpec) {
  return {
    name: s.name ?? "mysession",
    keyPairs: s.pairs.flatMap((p) => [hex(p.hashKey), hex(p.blockKey)]),
    multi: true,
    ...(s.hashFunc ? { hashFunc: s.hashFunc } : {}),
    ...(s.encoder ? { encoder: s.encoder } : {}),
    ...(s.maxAge !== undefined ? { maxAge: s.maxAge } : {}),
    ...(s.minAge !== undefined ? { minAge: s.minAge } : {}),
    ...(s.maxLength !== undefined ? { maxLength: s.maxLength } : {}),
  };
}

async function goCookie(go: GoCodec, s: GoSpec, value: unknown): Promise<string> {
  const r = await go.call<{ cookie?: string; error?: GoError }>("cookieEncode", {
    ...specOf(s),
    value,
  });
  if (r.cookie === undefined) throw new Error(`go encode: ${r.error?.text}`);
  return r.cookie;
}

async function goGobCookie(go: GoCodec, s: GoSpec, gob: string): Promise<string> {
  const r = await go.call<{ cookie?: string; error?: GoError }>("cookieEncodeGob", {
    ...specOf(s),
    gob,
  });
  if (r.cookie === undefined) throw new Error(`go encode: ${r.error?.text}`);
  return r.cookie;
}

/** Go's error for decoding `cookie` with the settings of `s`, or null. */
async function goDecodeError(go: GoCodec, s: GoSpec, cookie: string): Promise<string | null> {
  const r = await go.call<{ error?: GoError }>("cookieDecode", { ...specOf(s), cookie });
  return r.error?.text ?? null;
}

function check(s: GoSpec, cookie: string, more: Partial<CookieCheck> = {}): CookieReport {
  return explainCookie({
    name: s.name ?? "mysession",
    cookie,
    pairs: s.pairs,
    maxAge: s.maxAge ?? 86400 * 30,
    minAge: s.minAge ?? 0,
    maxLength: s.maxLength ?? 4096,
    now: Math.floor(Date.now() / 1000),
    hashFunc: "sha256",
    serializer: "gob",
    tryNames: [],
    ...more,
  });
}

/** The report fails at `step`, and says what Go says for the same cookie. */
/**
 * Checks that the explanation fails at `step` with Go's error text. `randomBytes`: the step
 * reads random bytes (a ciphertext taken for gob), whose gob error the port words as Go does
 * only for some inputs (src/gob/README.md); then Go must fail there too, whatever its words.
 */
async function failsLikeGo(
  go: GoCodec,
  s: GoSpec,
  cookie: string,
  step: string,
  more = {},
  randomBytes = false,
) {
  const r = check(s, cookie, more);
  assert.is(r.ok, false);
  assert.is(r.failure?.step, step, JSON.stringify(r.failure));
  const goText = await goDecodeError(go, s, cookie);
  if (randomBytes) {
    assert.match(goText ?? "", /^securecookie: error - caused by: /);
    assert.match(r.goError ?? "", /^securecookie: error - caused by: /);
  } else if (step === "deserialize") {
    // The gob port's own messages start with "gob: " where some of Go's do not.
    const cause = /.*caused by: (?:gob: )?(.*)$/;
    assert.is(cause.exec(r.goError!)?.[1], cause.exec(goText!)?.[1], `${r.goError} / ${goText}`);
  } else {
    assert.is(r.goError, goText);
  }
  return r;
}

t("a valid Go cookie: key pair, timestamp, Go types", async ({ go }) => {
  if (!go) return;
  const s = { pairs: [{ hashKey, blockKey: aes256 }] };
  const before = Math.floor(Date.now() / 1000);
  const cookie = await goCookie(go, s, { count: 3, ratio: 0.5, _flash: ["hi"], user: "ann" });
  const r = check(s, cookie);
  assert.is(r.ok, true);
  assert.is(r.goError, null);
  assert.is(r.pair, 1);
  assert.is(r.encrypted, true);
  assert.ok(Number(r.timestamp) >= before && Number(r.timestamp) <= before + 5);
  assert.equal(
    r.entries?.map((e) => [e.key, e.type, e.value]),
    [
      ['"_flash"', "[]interface {}", '[]interface {}{"hi"}'],
      ['"count"', "int", "3"],
      ['"ratio"', "float64", "0.5"],
      ['"user"', "string", '"ann"'],
    ],
  );
  assert.equal(r.register, []);
});

t(
  "rich Go values in a cookie print as Go prints them, and name what Go must register",
  async ({ go }) => {
    if (!go) return;
    const s = { pairs: [{ hashKey, blockKey: aes128 }] };
    for (const name of ["times", "structs", "named types", "signed ints", "floats"]) {
      const c = vectors.cases.find((v) => v.name === name)!;
      const cookie = await goGobCookie(go, s, c.gob);
      const want = await go.call<GoEntry[]>("goString", { gob: c.gob });
      const r = check(s, cookie, { maxLength: 0 });
      assert.is(r.ok, true, name);
      for (const w of want) {
        const g = r.entries!.find((e) => e.key === w.key)!;
        assert.is(g.type, w.type.replaceAll("gobtypes.", "main."), `${name} ${w.key}`);
      }
      const goNamed = new Set(
        want
          .map((w) => w.type.replaceAll("gobtypes.", "main."))
          .filter((n) => /\.|^map|^\[\]\w+\./.test(n)),
      );
      for (const n of goNamed) assert.ok(r.register.includes(n), `${name}: register ${n}`);
      if (goNamed.size > 0)
        assert.match(r.notes.join("\n"), /gob: name not registered for interface/);
    }
  },
);

t("key rotation: the old pair's cookie decodes under pair 2", async ({ go }) => {
  if (!go) return;
  const cookie = await goCookie(go, { pairs: [{ hashKey: oldHashKey, blockKey: null }] }, { a: 1 });
  const r = check(
    {
      pairs: [
        { hashKey, blockKey: aes256 },
        { hashKey: oldHashKey, blockKey: null },
      ],
    },
    cookie,
  );
  assert.is(r.ok, true);
  assert.is(r.pair, 2);
  assert.is(r.encrypted, false);
});

t("mac: another hash key, under each pair", async ({ go }) => {
  if (!go) return;
  const cookie = await goCookie(go, { pairs: [{ hashKey: oldHashKey, blockKey: null }] }, { a: 1 });
  const s = {
    pairs: [
      { hashKey, blockKey: null },
      { hashKey: Buffer.from("third"), blockKey: null },
    ],
  };
  const r = await failsLikeGo(go, s, cookie, "mac");
  assert.match(r.failure!.why, /any of the 2 key pair/);
  assert.match(r.failure!.hint!, /another hash key/);
  assert.match(r.goError!, /\(and 1 other error\)/);
  assert.ok(r.timestamp !== null, "the timestamp is still shown");
});

t("mac: the cookie was made for another name", async ({ go }) => {
  if (!go) return;
  const made = { name: "app_session", pairs: [{ hashKey, blockKey: null }] };
  const cookie = await goCookie(go, made, { a: 1 });
  const asked = { ...made, name: "mysession" };
  const r = await failsLikeGo(go, asked, cookie, "mac", { tryNames: ["app_session"] });
  assert.match(r.failure!.hint!, /made for the name "app_session": pass --name app_session/);
  // Without the name to try, the common names do not find it.
  assert.match(check(asked, cookie).failure!.hint!, /another hash key/);
});

t("mac: hash and block keys swapped", async ({ go }) => {
  if (!go) return;
  const cookie = await goCookie(
    go,
    { pairs: [{ hashKey: aes256, blockKey: hashKey.subarray(0, 32) }] },
    { a: 1 },
  );
  const s = { pairs: [{ hashKey: hashKey.subarray(0, 32), blockKey: aes256 }] };
  const r = await failsLikeGo(go, s, cookie, "mac");
  assert.match(r.failure!.hint!, /swapped/);
});

t("mac: signed with another hash function", async ({ go }) => {
  if (!go) return;
  const made = { pairs: [{ hashKey, blockKey: null }], hashFunc: "sha512" };
  const cookie = await goCookie(go, made, { a: 1 });
  const r = await failsLikeGo(go, { pairs: made.pairs }, cookie, "mac");
  assert.match(r.failure!.hint!, /HMAC-SHA512: pass --hash sha512/);
  assert.is(check(made, cookie, { hashFunc: "sha512" }).ok, true);
});

t("timestamp: expired, by how much", async ({ go }) => {
  if (!go) return;
  const s = { pairs: [{ hashKey, blockKey: null }], maxAge: 1 };
  const cookie = await goCookie(go, s, { a: 1 });
  await new Promise((res) => setTimeout(res, 2100));
  const r = await failsLikeGo(go, s, cookie, "timestamp");
  assert.is(r.goError, "securecookie: expired timestamp");
  const made = Number(r.timestamp);
  const late = check(s, cookie, { now: made + 1000 });
  assert.match(late.failure!.why, /^expired 16m39s ago: the cookie is 16m40s old and MaxAge is 1s/);
  assert.is(late.expiresIn, -999);
  assert.ok(late.entries !== null, "the values are still shown");
});

t("timestamp: too new under MinAge, and a future timestamp noted", async ({ go }) => {
  if (!go) return;
  const s = { pairs: [{ hashKey, blockKey: null }], minAge: 600 };
  const cookie = await goCookie(go, { pairs: s.pairs }, { a: 1 });
  const r = await failsLikeGo(go, s, cookie, "timestamp");
  assert.is(r.goError, "securecookie: timestamp is too new");
  assert.match(r.failure!.why, /^too new by/);
  const early = check({ pairs: s.pairs }, cookie, { now: Number(r.timestamp) - 90 });
  assert.is(early.ok, true);
  assert.match(early.notes.join("\n"), /1m30s in the future/);
});

t("length: a cookie over MaxLength", async ({ go }) => {
  if (!go) return;
  const s = { pairs: [{ hashKey, blockKey: null }], maxLength: 0 };
  const cookie = await goCookie(go, s, { big: "x".repeat(5000) });
  const r = await failsLikeGo(go, { ...s, maxLength: 4096 }, cookie, "length");
  assert.match(
    r.failure!.why,
    new RegExp(`is ${cookie.length} bytes; the codec reads at most 4096`),
  );
  assert.is(check(s, cookie).ok, true);
});

t("base64: not URL-safe base64, with a hint", async ({ go }) => {
  if (!go) return;
  const s = { pairs: [{ hashKey, blockKey: null }] };
  const cookie = await goCookie(go, s, { a: 1 });
  const encoded = encodeURIComponent(`${cookie.slice(0, 10)}/+${cookie.slice(10)}`);
  const r = await failsLikeGo(go, s, encoded, "base64");
  assert.match(r.failure!.hint!, /URL-encoded/);
  const std = await failsLikeGo(go, s, `${cookie.slice(0, 8)}+/+/${cookie.slice(12)}`, "base64");
  assert.match(std.failure!.hint!, /standard base64/);
});

t("format: base64 that is no date|value|mac", async ({ go }) => {
  if (!go) return;
  const s = { pairs: [{ hashKey, blockKey: null }] };
  const r = await failsLikeGo(
    go,
    s,
    Buffer.from("a plain session id").toString("base64url"),
    "format",
  );
  assert.is(r.goError, "securecookie: the value is not valid");
});

t("keys: a block key AES cannot use", async ({ go }) => {
  if (!go) return;
  const cookie = await goCookie(go, { pairs: [{ hashKey, blockKey: aes128 }] }, { a: 1 });
  const s = { pairs: [{ hashKey, blockKey: Buffer.from("twenty-bytes-long!!!") }] };
  const r = await failsLikeGo(go, s, cookie, "keys");
  assert.match(r.failure!.why, /block key is 20 bytes: AES needs 16, 24 or 32/);
  assert.is(r.goError, "securecookie: error - caused by: crypto/aes: invalid key size 20");
});

t("deserialize: an encrypted cookie read without its block key", async ({ go }) => {
  if (!go) return;
  const cookie = await goCookie(go, { pairs: [{ hashKey, blockKey: aes256 }] }, { a: 1 });
  const pairs = [{ hashKey, blockKey: null }];
  const r = await failsLikeGo(go, { pairs }, cookie, "deserialize", {}, true);
  assert.match(r.failure!.hint!, /pass it with --block-key/);
});

t("deserialize: a plain cookie read with a block key", async ({ go }) => {
  if (!go) return;
  const cookie = await goCookie(go, { pairs: [{ hashKey, blockKey: null }] }, { a: 1 });
  const r = await failsLikeGo(
    go,
    { pairs: [{ hashKey, blockKey: aes128 }] },
    cookie,
    "deserialize",
  );
  assert.match(r.failure!.hint!, /not encrypted; drop --block-key/);
});

t("deserialize: a JSONEncoder cookie, then read as JSON with Go's JSON types", async ({ go }) => {
  if (!go) return;
  const s = { pairs: [{ hashKey, blockKey: null }], encoder: "json" };
  const cookie = await goCookie(go, s, { count: 3, list: ["x"] });
  const r = await failsLikeGo(go, { pairs: s.pairs }, cookie, "deserialize");
  assert.match(r.failure!.hint!, /--serializer json/);
  const asJSON = check(s, cookie, { serializer: "json" });
  assert.is(asJSON.ok, true);
  assert.equal(
    asJSON.entries?.map((e) => [e.key, e.type, e.value]),
    [
      ['"count"', "float64", "3"],
      ['"list"', "[]interface {}", '[]interface {}{"x"}'],
    ],
  );
});

t("a Redis store's cookie: the session ID, and where its values are", async ({ go }) => {
  if (!go) return;
  const s = { pairs: [{ hashKey, blockKey: null }] };
  const id = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567ABCDEFGHIJKLMNOPQRST";
  const cookie = await goCookie(go, s, id);
  const r = check(s, cookie);
  assert.is(r.ok, true);
  assert.equal(r.value, { type: "string", value: `"${id}"` });
  assert.match(r.notes.join("\n"), new RegExp(`session_${id}`));
});

t.run();
