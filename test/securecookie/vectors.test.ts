/**
 * Golden vectors of real gorilla/securecookie v1.1.2: test/vectors/securecookie.json.
 * Regenerate: (cd compat && go run ./cmd/vectors -out ../test/vectors)
 */
import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { GobEncoder, JSONEncoder, New, NopEncoder } from "../../src/securecookie/index.ts";
import {
  type CookieSpec,
  codecsOf,
  decodeWith,
  describe,
  encodeWith,
  type GoError,
  thrown,
  valueAs,
} from "../support/cookieSpec.ts";
import { fromTyped, sameValue } from "../support/tjson.ts";

interface Typed {
  t: string;
  v?: unknown;
}

interface Case extends CookieSpec {
  label: string;
  dst?: string;
  cookie: string;
  value: Typed;
  json?: unknown;
}

interface ErrCase extends CookieSpec {
  label: string;
  cookie: string;
  exact: boolean;
  error: GoError;
}

interface EncodeErrCase extends CookieSpec {
  label: string;
  value: unknown;
  as: "json" | "bytes" | "session";
  error: GoError;
}

const vectors = JSON.parse(
  readFileSync(new URL("../vectors/securecookie.json", import.meta.url), "utf8"),
) as { cases: Case[]; errors: ErrCase[]; encodeErrors: EncodeErrCase[] };

test("the vectors cover every kind of key, hash, encoder and rotation", () => {
  const labels = vectors.cases.map((c) => c.label);
  for (const want of ["json/aes-128", "json/aes-192", "json/aes-256", "json/hash-only"]) {
    assert.ok(labels.includes(want), want);
  }
  assert.ok(labels.some((l) => l.startsWith("rotation/")));
  assert.ok(labels.some((l) => l.startsWith("nop/")));
  assert.ok(labels.some((l) => l.startsWith("gob/")));
  assert.ok(vectors.errors.length >= 50);
});

for (const c of vectors.cases) {
  test(`decodes Go's cookie: ${c.label}`, () => {
    const got = decodeWith(c, c.cookie);
    if (c.encoder !== "json" && c.encoder !== "nop") {
      // Gob: the JS value the Go type table gives for what Go decoded (test/support/tjson.ts).
      const want = fromTyped(c.value);
      assert.ok(sameValue(got, want), `${c.label}: got ${inspect(got)}, want ${inspect(want)}`);
    } else if (c.encoder === "json") {
      assert.equal(got, c.json);
    } else {
      assert.equal(c.value.t, "[]uint8");
      assert.instance(got, Uint8Array);
      assert.equal(Buffer.from(got as Uint8Array).toString("base64"), c.value.v ?? "");
    }
  });
}

/** The Unix time a cookie carries (its first field). */
function timestampOf(cookie: string): number {
  const raw = Buffer.from(cookie.replace(/[\r\n]/g, ""), "base64url").toString("latin1");
  return Number(raw.slice(0, raw.indexOf("|")));
}

test("hash-only cookies are byte for byte Go's at the same second (JSON and Nop)", () => {
  let n = 0;
  for (const c of vectors.cases) {
    if (c.keyPairs.length !== 1 || c.multi || c.label.startsWith("quirk/")) continue;
    if (c.encoder !== "json" && c.encoder !== "nop") continue;
    const codec = codecsOf(c)[0];
    codec.timeFunc = () => timestampOf(c.cookie);
    const value =
      c.encoder === "json" ? c.json : Buffer.from((c.value.v as string) ?? "", "base64");
    assert.is(codec.Encode(c.name, value), c.cookie, c.label);
    n++;
  }
  assert.ok(n >= 4, `compared ${n}`);
});

test("an encrypted cookie differs from Go's only by its IV: same length, same timestamp", () => {
  const c = vectors.cases.find((v) => v.label === "json/aes-256")!;
  const codec = codecsOf(c)[0];
  codec.timeFunc = () => timestampOf(c.cookie);
  const ours = codec.Encode(c.name, c.json);
  assert.is(ours.length, c.cookie.length);
  assert.is.not(ours, c.cookie);
  assert.equal(codec.Decode(c.name, ours), c.json);
});

for (const c of vectors.errors) {
  test(`Go's decode error: ${c.label}`, () => {
    const ours = describe(thrown(() => decodeWith(c, c.cookie)));
    if (c.exact) {
      assert.equal(ours, c.error);
    } else {
      const cut = c.error.text.lastIndexOf(" - caused by: ") + " - caused by: ".length;
      assert.ok(
        ours.text.startsWith(c.error.text.slice(0, cut)),
        `${ours.text} vs ${c.error.text}`,
      );
      assert.equal({ ...ours, text: "" }, { ...c.error, text: "" });
    }
  });
}

for (const c of vectors.encodeErrors) {
  test(`Go's encode error: ${c.label}`, () => {
    const ours = describe(thrown(() => encodeWith(c, valueAs(c.value, c.as))));
    assert.equal(ours, c.error);
  });
}

test("Go's gob session cookie: every value, then our re-encoding decodes to the same", () => {
  const c = vectors.cases.find((v) => v.label === "gob/session/aes-256")!;
  const session = decodeWith(c, c.cookie) as Map<unknown, unknown>;
  assert.instance(session, Map);
  assert.is(session.get("count"), 42);
  assert.equal(session.get("_flash"), ["saved", "again", 3]);
  assert.is(session.get("big"), 9007199254740993n);
  assert.is(session.get(7), "int key");
  const codec = New(Buffer.from(c.keyPairs[0]!, "hex"), Buffer.from(c.keyPairs[1]!, "hex"));
  assert.ok(sameValue(codec.Decode(c.name, codec.Encode(c.name, session)), session));
});

test("the serializers the vectors name exist", () => {
  assert.ok(New(Buffer.from("k")).SetSerializer(new JSONEncoder()));
  assert.ok(New(Buffer.from("k")).SetSerializer(new NopEncoder()));
  assert.ok(New(Buffer.from("k")).SetSerializer(new GobEncoder()));
});

test.run();
