/**
 * The codec against real gorilla/securecookie v1.1.2 (compat/cmd/gocodec, ops cookieEncode
 * and cookieDecode): cookies made here are decoded by Go and the other way round, and both
 * sides refuse the same malformed cookies with the same error text.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import * as assert from "uvu/assert";
import { JSONEncoder } from "../../src/securecookie/index.ts";
import {
  type CookieSpec,
  codecsOf,
  decodeWith,
  describe,
  encodeWith,
  type GoError,
  thrown,
} from "../support/cookieSpec.ts";
import { type GoCodec, goCodecSuite } from "../support/gocodec.ts";
import { assertFreshTyped, fromTyped, sameValue } from "../support/tjson.ts";

type Typed = { t: string; v?: unknown };
type Decoded = { value?: Typed; error?: GoError };
type Encoded = { cookie?: string; error?: GoError };

const Interop = goCodecSuite("interop: securecookie with gorilla/securecookie");

const hex = (s: string) => Buffer.from(s).toString("hex");
const hashKey = hex("live-hash-key-0123456789abcdef01");
const keyConfigs: Array<[string, Array<string | null>]> = [
  ["hash-only", [hashKey]],
  ["aes-128", [hashKey, hex("live-aes-128-key")]],
  ["aes-192", [hashKey, hex("live-aes-192-key-0123456")]],
  ["aes-256", [hashKey, hex("live-aes-256-key-0123456789abcde")]],
];

const jsonValue = {
  user: "gopher",
  count: 42,
  ratio: 0.25,
  html: "<b>&</b>\u2028",
  list: [1, "two", null, true, { nested: [] }],
  unicode: "héllo 世界 😀",
};

async function goDecode(go: GoCodec, spec: CookieSpec, cookie: string): Promise<Decoded> {
  return go.call<Decoded>("cookieDecode", { ...spec, cookie });
}

async function goEncode(go: GoCodec, spec: CookieSpec, value: unknown, as?: string) {
  return go.call<Encoded>("cookieEncode", { ...spec, value, ...(as ? { as } : {}) });
}

Interop(
  "Go decodes our cookies and we decode Go's: every key size and hash, JSON",
  async ({ go }) => {
    if (!go) return;
    for (const [label, keyPairs] of keyConfigs) {
      for (const hashFunc of ["sha1", "sha256", "sha512"] as const) {
        const spec: CookieSpec = { name: "session", keyPairs, hashFunc, encoder: "json" };
        const ours = encodeWith(spec, jsonValue);
        const theirs = await goEncode(go, spec, jsonValue);
        assert.type(theirs.cookie, "string", `${label}/${hashFunc}: ${theirs.error?.text}`);
        // Go reads ours exactly as it reads its own.
        const goReadsOurs = await goDecode(go, spec, ours);
        const goReadsGo = await goDecode(go, spec, theirs.cookie!);
        assert.equal(goReadsOurs, goReadsGo, `${label}/${hashFunc}`);
        assert.ok(goReadsOurs.value, `${label}/${hashFunc}`);
        // We read Go's.
        assert.equal(decodeWith(spec, theirs.cookie!), jsonValue, `${label}/${hashFunc}`);
        assert.is(ours.length, theirs.cookie!.length, `${label}/${hashFunc}: same length`);
      }
    }
  },
);

Interop("Go decodes our cookies and we decode Go's: Nop bytes", async ({ go }) => {
  if (!go) return;
  const bytes = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 7) & 0xff));
  for (const [label, keyPairs] of keyConfigs) {
    const spec: CookieSpec = { name: "raw", keyPairs, encoder: "nop" };
    const got = await goDecode(go, spec, encodeWith(spec, bytes));
    assert.equal(got, { value: { t: "[]uint8", v: bytes.toString("base64") } }, label);
    const theirs = await goEncode(go, spec, bytes.toString("base64"));
    assert.equal(Buffer.from(decodeWith(spec, theirs.cookie!) as Uint8Array), bytes, label);
  }
});

Interop("key rotation both ways: DecodeMulti finds the old pair's cookie", async ({ go }) => {
  if (!go) return;
  const oldPair = [hex("old-hash"), hex("old-aes-128-key!")];
  const newPair = [hashKey, hex("live-aes-256-key-0123456789abcde")];
  const old: CookieSpec = { name: "s", keyPairs: oldPair, encoder: "json" };
  const both: CookieSpec = {
    name: "s",
    keyPairs: [...newPair, ...oldPair],
    encoder: "json",
    multi: true,
  };
  const theirs = await goEncode(go, old, jsonValue);
  assert.equal(decodeWith(both, theirs.cookie!), jsonValue);
  const got = await goDecode(go, both, encodeWith(old, jsonValue));
  assert.ok(got.value);
  // Neither pair: the MultiError texts agree.
  const neither: CookieSpec = { ...both, keyPairs: [hex("a"), null, hex("b")] };
  const goErr = await goDecode(go, neither, theirs.cookie!);
  assert.equal(describe(thrown(() => decodeWith(neither, theirs.cookie!))), goErr.error);
});

Interop("a tampered cookie: Go's error text is ours", async ({ go }) => {
  if (!go) return;
  for (const [label, keyPairs] of keyConfigs) {
    const spec: CookieSpec = { name: "session", keyPairs, encoder: "json" };
    const cookie = encodeWith(spec, jsonValue);
    const raw = Buffer.from(cookie, "base64url");
    for (const at of [0, 11, raw.length >> 1, raw.length - 1]) {
      const bad = Buffer.from(raw);
      bad[at] ^= 0x20;
      const tampered = bad.toString("base64url") + "=".repeat((4 - (cookie.length % 4)) % 4);
      const goErr = await goDecode(go, spec, tampered);
      assert.ok(goErr.error, `${label} @${at}`);
      assert.equal(
        describe(thrown(() => decodeWith(spec, tampered))),
        goErr.error,
        `${label} @${at}`,
      );
    }
  }
});

Interop("property: random strings near base64 get Go's verdict and error text", async ({ go }) => {
  if (!go) return;
  const spec: CookieSpec = { name: "session", keyPairs: [hashKey], encoder: "json" };
  const valid = encodeWith(spec, { a: 1 });
  const chars = [..."AZaz09-_+/=\n\r*é \u0141", ...valid.slice(0, 12)];
  const mutated = fc
    .tuple(
      fc.nat({ max: valid.length }),
      fc.nat({ max: 6 }),
      fc.string({ unit: fc.constantFrom(...chars), maxLength: 6 }),
    )
    .map(([at, cut, insert]) => valid.slice(0, at) + insert + valid.slice(at + cut));
  const arbitrary = fc.oneof(
    mutated,
    fc.string({ unit: fc.constantFrom(...chars), maxLength: 24 }),
  );
  await fc.assert(
    fc.asyncProperty(arbitrary, async (cookie) => {
      const theirs = await goDecode(go, spec, cookie);
      let ours: Decoded;
      try {
        ours = { value: { t: "ok", v: decodeWith(spec, cookie) } };
      } catch (e) {
        ours = { error: describe(e) };
      }
      if (theirs.error) assert.equal(ours.error, theirs.error, JSON.stringify(cookie));
      else assert.ok(ours.value, JSON.stringify(cookie));
    }),
    { numRuns: 300 },
  );
});

Interop(
  "property: random JSON values serialize to Go's exact bytes and round-trip both ways",
  async ({ go }) => {
    if (!go) return;
    const keys = fc.constantFrom(...keyConfigs.map(([, k]) => k));
    await fc.assert(
      fc.asyncProperty(
        fc.jsonValue({ maxDepth: 3, stringUnit: "binary" }),
        keys,
        async (value, keyPairs) => {
          const spec: CookieSpec = { name: "session", keyPairs, encoder: "json", maxLength: 0 };
          const theirs = await goEncode(go, spec, value, "json");
          assert.type(theirs.cookie, "string", theirs.error?.text);
          // Go's serialized bytes, read through a Nop codec of the same keys, are ours.
          const raw = codecsOf({ ...spec, encoder: "nop" })[0].Decode("session", theirs.cookie!);
          const text = JSON.stringify(value);
          const expected = new JSONEncoder().Serialize(JSON.parse(text));
          assert.is(Buffer.from(raw as Uint8Array).toString(), Buffer.from(expected).toString());
          assert.equal(decodeWith(spec, theirs.cookie!), JSON.parse(text));
          const goReadsOurs = await goDecode(go, spec, encodeWith(spec, JSON.parse(text)));
          const goReadsGo = await goDecode(go, spec, theirs.cookie!);
          assert.equal(goReadsOurs, goReadsGo);
        },
      ),
      { numRuns: 150 },
    );
  },
);

Interop("encode errors agree: too long, no hash key, bad block key, not bytes", async ({ go }) => {
  if (!go) return;
  const cases: Array<[CookieSpec, unknown]> = [
    [{ name: "s", keyPairs: [hashKey], encoder: "json", maxLength: 60 }, { a: "x".repeat(40) }],
    [{ name: "s", keyPairs: [null], encoder: "json" }, { a: 1 }],
    [{ name: "s", keyPairs: [hashKey, hex("short")], encoder: "json" }, { a: 1 }],
    [{ name: "s", keyPairs: [hashKey], encoder: "nop" }, "not bytes"],
  ];
  for (const [spec, value] of cases) {
    const theirs = await goEncode(go, spec, value, "json");
    assert.ok(theirs.error);
    assert.equal(describe(thrown(() => encodeWith(spec, value))), theirs.error);
  }
});

const vectors = JSON.parse(
  readFileSync(new URL("../vectors/securecookie.json", import.meta.url), "utf8"),
) as { cases: Array<CookieSpec & { label: string; cookie: string; value: Typed }> };

Interop(
  "gob: Go's session, decoded and re-encoded here, is the same in Go, type for type",
  async ({ go }) => {
    if (!go) return;
    for (const c of vectors.cases.filter((v) => v.label.startsWith("gob/session/"))) {
      const spec: CookieSpec = { name: c.name, keyPairs: c.keyPairs, maxAge: 0 };
      const session = decodeWith(spec, c.cookie);
      const back = await goDecode(go, spec, encodeWith(spec, session));
      assert.equal(back, { value: c.value }, c.label);
    }
  },
);

Interop(
  "gob: a fresh session from here is read by Go with the types of the table",
  async ({ go }) => {
    if (!go) return;
    const session = new Map<unknown, unknown>([
      ["user", "alice"],
      ["count", 6],
      ["ratio", 0.5],
      ["admin", true],
      ["_flash", ["welcome back", 2]],
      ["nothing", null],
      ["when", new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 678))],
      ["big", 2n ** 60n],
      ["bytes", Uint8Array.of(1, 2, 3)],
      ["nested", new Map([["k", "v"]])],
    ]);
    for (const [label, keyPairs] of keyConfigs) {
      const spec: CookieSpec = { name: "session", keyPairs };
      const got = await goDecode(go, spec, encodeWith(spec, session));
      assert.ok(got.value, `${label}: ${got.error?.text}`);
      assertFreshTyped(session, got.value!);
    }
  },
);

Interop("gob: a session Go encodes is decoded here to the table's values", async ({ go }) => {
  if (!go) return;
  const value = { user: "gopher", count: 42, ratio: 1.25, list: ["a", 1, true, null], m: { x: 1 } };
  for (const [label, keyPairs] of keyConfigs) {
    const spec: CookieSpec = { name: "session", keyPairs };
    const theirs = await goEncode(go, spec, value, "session");
    assert.type(theirs.cookie, "string", `${label}: ${theirs.error?.text}`);
    const ours = decodeWith(spec, theirs.cookie!);
    const goView = await goDecode(go, spec, theirs.cookie!);
    assert.ok(sameValue(ours, fromTyped(goView.value!)), label);
  }
});

Interop("property: random sessions from here are read by Go as the table says", async ({ go }) => {
  if (!go) return;
  const scalar = fc.oneof(
    fc.string({ unit: "binary", maxLength: 12 }),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Number.isInteger(d)),
    fc.boolean(),
    fc.constant(null),
  );
  const sessionArb = fc
    .array(
      fc.tuple(fc.string({ maxLength: 8 }), fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }))),
      {
        maxLength: 10,
      },
    )
    .map((entries) => new Map<unknown, unknown>(entries));
  const keys = fc.constantFrom(...keyConfigs.map(([, k]) => k));
  await fc.assert(
    fc.asyncProperty(sessionArb, keys, async (session, keyPairs) => {
      const spec: CookieSpec = { name: "session", keyPairs };
      const got = await goDecode(go, spec, encodeWith(spec, session));
      assert.ok(got.value, got.error?.text);
      assertFreshTyped(session, got.value!);
    }),
    { numRuns: 100 },
  );
});

Interop.run();
