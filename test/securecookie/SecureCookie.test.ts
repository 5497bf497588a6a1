/**
 * SecureCookie: each malformed input gives its typed error (class, kind, Go's sentinel
 * where Go returns one; Go's texts from test/vectors/securecookie.json), the length is
 * checked before any decoding work, options and defaults behave as Go's, and the tests of
 * gorilla/securecookie v1.1.2 `securecookie_test.go` ported.
 */
import { readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as errs from "../../src/securecookie/errors.ts";
import {
  CodecsFromPairs,
  CorruptInputError,
  DecodeMulti,
  EncodeMulti,
  ErrMacInvalid,
  GenerateRandomKey,
  JSONEncoder,
  KeySizeError,
  MultiError,
  New,
  NopEncoder,
  SecureCookieError,
  type Serializer,
  ValueTooLongError,
} from "../../src/securecookie/index.ts";
import {
  type CookieSpec,
  decodeWith,
  describe,
  type GoError,
  thrown,
} from "../support/cookieSpec.ts";

interface ErrCase extends CookieSpec {
  label: string;
  cookie: string;
  exact: boolean;
  error: GoError;
}

const vectors = JSON.parse(
  readFileSync(new URL("../vectors/securecookie.json", import.meta.url), "utf8"),
) as { errors: ErrCase[] };

function vector(label: string): ErrCase {
  const c = vectors.errors.find((v) => v.label === label);
  if (!c) throw new Error(`no vector ${label}`);
  return c;
}

type Check = (e: Error) => void;

const is =
  (sentinel: Error): Check =>
  (e) =>
    assert.is(e, sentinel);

const base64Failure: Check = (e) => {
  assert.instance(e, SecureCookieError);
  const s = e as SecureCookieError;
  assert.is(s.code, "decode");
  assert.is(s.msg, "base64 decode failed");
  assert.instance(s.Cause(), CorruptInputError);
};

const deserializeFailure: Check = (e) => {
  assert.instance(e, SecureCookieError);
  const s = e as SecureCookieError;
  assert.is(s.code, "decode");
  assert.is(s.msg, "");
  // Go wraps twice: Decode wraps what the serializer returned, itself a cookieError.
  const inner = s.Cause() as SecureCookieError;
  assert.instance(inner, SecureCookieError);
  assert.is(inner.code, "decode");
  assert.ok(inner.Cause());
};

const tooLong =
  (code: "usage" | "decode"): Check =>
  (e) => {
    assert.instance(e, ValueTooLongError);
    assert.not.instance(e, SecureCookieError);
    assert.is((e as ValueTooLongError).code, code);
    assert.ok(e.message.endsWith(`: ${(e as ValueTooLongError).length}`));
  };

const badBlockKey =
  (size: number): Check =>
  (e) => {
    assert.instance(e, SecureCookieError);
    assert.is((e as SecureCookieError).code, "usage");
    const cause = (e as SecureCookieError).Cause();
    assert.instance(cause, KeySizeError);
    assert.is((cause as KeySizeError).size, size);
  };

/** Label of a Go vector -> what our error must be besides Go's text and kinds. */
const table: Array<[string, Check]> = [
  ["mac/tampered", is(ErrMacInvalid)],
  ["mac/wrong-name", is(ErrMacInvalid)],
  ["mac/other-hash-key", is(ErrMacInvalid)],
  ["mac/other-hash-func", is(ErrMacInvalid)],
  ["mac/truncated-mac", is(ErrMacInvalid)],
  ["base64/truncated-1", base64Failure],
  ["base64/missing-padding", base64Failure],
  ["base64/invalid-char", base64Failure],
  ["base64/std-alphabet", base64Failure],
  ["base64/non-ascii", base64Failure],
  ["parts/empty-cookie", is(ErrMacInvalid)],
  ["parts/none", is(ErrMacInvalid)],
  ["parts/one-pipe", is(ErrMacInvalid)],
  ["timestamp/non-numeric", is(errs.errTimestampInvalid)],
  ["timestamp/overflow", is(errs.errTimestampInvalid)],
  ["timestamp/expired", is(errs.errTimestampExpired)],
  ["timestamp/int64-min-expired", is(errs.errTimestampExpired)],
  ["timestamp/too-new", is(errs.errTimestampTooNew)],
  ["timestamp/int64-max-too-new", is(errs.errTimestampTooNew)],
  ["length/too-long", tooLong("decode")],
  ["length/too-long-before-base64", tooLong("decode")],
  ["length/non-ascii-bytes-counted", tooLong("decode")],
  ["payload/bad-base64", base64Failure],
  ["payload/garbage-json", deserializeFailure],
  ["payload/wrong-block-key", deserializeFailure],
  ["payload/too-short-to-decrypt", is(errs.errDecryptionFailed)],
  ["payload/nop-empty-value-encrypted", is(errs.errDecryptionFailed)],
  ["keys/no-hash-key", is(errs.errHashKeyNotSet)],
  ["keys/empty-hash-key", is(errs.errHashKeyNotSet)],
  ["keys/bad-block-key", badBlockKey(10)],
  ["keys/empty-block-key", badBlockKey(0)],
  ["keys/no-hash-key-bad-block-key", badBlockKey(17)],
  ["multi/all-fail-2", (e) => assert.is((e as MultiError).errors.length, 2)],
  ["multi/no-codecs", is(errs.errNoCodecs)],
];

for (const [label, check] of table) {
  test(`malformed: ${label}`, () => {
    const c = vector(label);
    const e = thrown(() => decodeWith(c, c.cookie));
    if (c.exact) {
      assert.equal(describe(e), c.error);
    } else {
      // The innermost text is the JSON parser's; the composition and kinds are Go's.
      const cut = c.error.text.lastIndexOf(" - caused by: ") + " - caused by: ".length;
      assert.ok(e.message.startsWith(c.error.text.slice(0, cut)));
      assert.equal({ ...describe(e), text: "" }, { ...c.error, text: "" });
    }
    check(e);
  });
}

/** A serializer that counts its calls. */
function spy(): Serializer & { calls: number } {
  const inner = new JSONEncoder();
  return {
    calls: 0,
    Serialize(src) {
      this.calls++;
      return inner.Serialize(src);
    },
    Deserialize(src) {
      this.calls++;
      return inner.Deserialize(src);
    },
  };
}

test("the length is checked before any decoding work", () => {
  const sz = spy();
  const s = New(Buffer.from("key")).SetSerializer(sz).MaxLength(100).MaxAge(0);
  const cookie = s.Encode("n", "x".repeat(10));
  assert.is(s.Decode("n", cookie), "x".repeat(10));
  assert.is(sz.calls, 2);
  // Valid base64 with a valid MAC, just too long: refused, nothing decoded.
  const long = New(Buffer.from("key")).SetSerializer(new JSONEncoder()).Encode("n", "x".repeat(60));
  const e = thrown(() => s.Decode("n", long));
  assert.instance(e, ValueTooLongError);
  assert.is((e as ValueTooLongError).length, long.length);
  assert.is(sz.calls, 2);
  // Not base64 at all, but too long: the length error wins.
  assert.instance(
    thrown(() => s.Decode("n", "*".repeat(101))),
    ValueTooLongError,
  );
  assert.instance(
    thrown(() => s.Decode("n", "*".repeat(100))),
    SecureCookieError,
  );
});

test("MaxLength(0) lifts the limit both ways; Encode refuses beyond MaxLength", () => {
  const s = New(Buffer.from("key")).SetSerializer(new JSONEncoder());
  const big = "y".repeat(5000);
  const e = thrown(() => s.Encode("n", big));
  assert.instance(e, ValueTooLongError);
  assert.is((e as ValueTooLongError).code, "usage");
  s.MaxLength(0);
  const cookie = s.Encode("n", big);
  assert.ok(cookie.length > 4096);
  assert.is(s.Decode("n", cookie), big);
  assert.is((e as ValueTooLongError).length, cookie.length);
});

test("MaxAge(0) disables expiry; MinAge refuses cookies younger than it", () => {
  let now = 1_700_000_000;
  const s = New(Buffer.from("key")).SetSerializer(new JSONEncoder());
  s.timeFunc = () => now;
  const cookie = s.Encode("n", 1);
  now += 86400 * 30;
  assert.is(s.Decode("n", cookie), 1); // exactly MaxAge old: still valid (t1 < t2-maxAge)
  now += 1;
  assert.is(
    thrown(() => s.Decode("n", cookie)),
    errs.errTimestampExpired,
  );
  s.MaxAge(0);
  assert.is(s.Decode("n", cookie), 1);
  s.MinAge(86400 * 30 + 2);
  assert.is(
    thrown(() => s.Decode("n", cookie)),
    errs.errTimestampTooNew,
  );
  s.MinAge(86400 * 30 + 1);
  assert.is(s.Decode("n", cookie), 1);
});

test("defaults: GobEncoder, sha256, 30 days, 4096; options reject non-integers", () => {
  const s = New(Buffer.from("key"));
  const internals = s as unknown as Record<string, unknown>;
  assert.is(internals.maxAge, 86400 * 30);
  assert.is(internals.minAge, 0);
  assert.is(internals.maxLength, 4096);
  assert.is(internals.hashFunc, "sha256");
  assert.is((internals.sz as object).constructor.name, "GobEncoder");
  assert.throws(() => s.MaxAge(1.5), TypeError);
  assert.throws(() => s.HashFunc("sha999" as "sha1"), TypeError);
});

test("a block key of any length but 16, 24 or 32 fails every call with Go's error", () => {
  for (const n of [1, 8, 15, 17, 31, 33, 64]) {
    const s = New(Buffer.from("key"), Buffer.alloc(n)).SetSerializer(new JSONEncoder());
    const e = thrown(() => s.Encode("n", 1));
    assert.is(e.message, `securecookie: error - caused by: ${new KeySizeError(n).message}`);
    assert.is(
      thrown(() => s.Decode("n", "x")),
      e,
    ); // the same stored error, as Go's s.err
  }
  for (const n of [16, 24, 32]) {
    const s = New(Buffer.from("key"), Buffer.alloc(n, 1)).SetSerializer(new JSONEncoder());
    assert.is(s.Decode("n", s.Encode("n", "v")), "v");
  }
});

test("NopEncoder refuses what is not bytes (Go's errValueNotByte, wrapped as usage)", () => {
  const s = New(Buffer.from("key")).SetSerializer(new NopEncoder());
  const e = thrown(() => s.Encode("n", "text")) as SecureCookieError;
  assert.is(e.code, "usage");
  assert.is(e.Cause(), errs.errValueNotByte);
});

test("encrypting leaves the caller's bytes alone", () => {
  const s = New(Buffer.from("key"), Buffer.alloc(32, 7)).SetSerializer(new NopEncoder());
  const value = Buffer.from("plaintext");
  const cookie = s.Encode("n", value);
  assert.is(value.toString(), "plaintext");
  assert.is(Buffer.from(s.Decode("n", cookie) as Uint8Array).toString(), "plaintext");
});

test("decoded values keep their bytes through later Encode and Decode calls", () => {
  // Encode and Decode work in reused buffers; what they return must not be a view of them.
  for (const block of [null, Buffer.alloc(32, 7)]) {
    const s = New(Buffer.from("key"), block).SetSerializer(new NopEncoder()).MaxLength(0);
    const first = s.Decode("n", s.Encode("n", Buffer.from("first value"))) as Uint8Array;
    for (const n of [10, 3000, 9000, 70000]) {
      const other = Buffer.alloc(n, "z");
      assert.equal(Buffer.from(s.Decode("n", s.Encode("n", other)) as Uint8Array), other);
    }
    assert.is(Buffer.from(first).toString(), "first value");
  }
});

test("the MAC covers the name: a cookie moved to another name is refused", () => {
  const s = New(Buffer.from("key")).SetSerializer(new JSONEncoder());
  assert.is(
    thrown(() => s.Decode("b", s.Encode("a", 1))),
    ErrMacInvalid,
  );
  assert.is(
    thrown(() => s.Decode("a|1", s.Encode("a", 1))),
    ErrMacInvalid,
  );
});

test("GenerateRandomKey gives fresh random keys of the asked length", () => {
  const a = GenerateRandomKey(32)!;
  const b = GenerateRandomKey(32)!;
  assert.is(a.length, 32);
  assert.is.not(Buffer.from(a).toString("hex"), Buffer.from(b).toString("hex"));
  assert.is(GenerateRandomKey(0)!.length, 0);
});

// Ported from gorilla/securecookie v1.1.2 securecookie_test.go ------------------------

test("upstream TestSecureCookie", () => {
  const s1 = New(Buffer.from("12345"), Buffer.from("1234567890123456")).SetSerializer(
    new JSONEncoder(),
  );
  const s2 = New(Buffer.from("54321"), Buffer.from("6543210987654321")).SetSerializer(
    new JSONEncoder(),
  );
  const value = { foo: "bar", baz: 128 };
  for (let i = 0; i < 50; i++) {
    // Running this multiple times to check if any special character breaks encoding/decoding.
    const encoded = s1.Encode("sid", value);
    assert.equal(s1.Decode("sid", encoded), value);
    const e = thrown(() => s2.Decode("sid", encoded)) as SecureCookieError;
    assert.ok(e.IsDecode());
    assert.not.ok(e.IsUsage());
    assert.not.ok(e.IsInternal());
  }
});

test("upstream TestSecureCookieNilKey and TestMissingKey", () => {
  assert.is(
    thrown(() => New(null, null).Encode("sid", { foo: "bar" })),
    errs.errHashKeyNotSet,
  );
  for (const key of [null, Buffer.alloc(0)]) {
    const e = thrown(() => New(key, null).Decode("sid", "value")) as SecureCookieError;
    assert.is(e, errs.errHashKeyNotSet);
    assert.ok(e.IsUsage());
  }
});

test("upstream TestDecodeInvalid", () => {
  const s = New(Buffer.from("12345"), null).SetSerializer(new JSONEncoder());
  for (const v of ["", " ", "\n", "||", "|||", "cookie"]) {
    for (const enc of ["base64", "base64url"] as const) {
      let text = Buffer.from(v).toString(enc);
      if (enc === "base64url") text += "=".repeat((4 - (text.length % 4)) % 4);
      const e = thrown(() => s.Decode("name", text)) as SecureCookieError;
      assert.ok(e.IsDecode(), JSON.stringify(v));
    }
  }
});

test("upstream TestJSONSerialization and TestNopSerialization", () => {
  const sz = new JSONEncoder();
  for (const value of [{ foo: "bar" }, { baz: "ding" }]) {
    assert.equal(sz.Deserialize(sz.Serialize(value)), value);
  }
  const nop = new NopEncoder();
  assert.is(
    thrown(() => nop.Serialize("fooobar123")),
    errs.errValueNotByte,
  );
  const dat = nop.Serialize(Buffer.from("fooobar123"));
  assert.is(Buffer.from(nop.Deserialize(dat)).toString(), "fooobar123");
});

test("upstream TestMultiError and TestMultiNoCodecs", () => {
  const e = thrown(() => EncodeMulti("sid", "value", New(null), New(null))) as MultiError;
  assert.instance(e, MultiError);
  assert.is(e.errors.length, 2);
  assert.ok(e.message.includes("hash key is not set"));
  assert.ok(e.IsUsage());
  assert.not.ok(e.IsDecode());
  assert.not.ok(e.IsInternal());
  assert.is(
    thrown(() => EncodeMulti("foo", "bar")),
    errs.errNoCodecs,
  );
  assert.is(
    thrown(() => DecodeMulti("foo", "bar")),
    errs.errNoCodecs,
  );
});

test("CodecsFromPairs: pairs, a missing last block key, nulls", () => {
  const k = (s: string) => Buffer.from(s);
  assert.is(CodecsFromPairs().length, 0);
  assert.is(CodecsFromPairs(k("h1")).length, 1);
  assert.is(CodecsFromPairs(k("h1"), null, k("h2")).length, 2);
  const [a, b] = CodecsFromPairs(k("h1"), k("0123456789abcdef"), k("h2"));
  a.SetSerializer(new JSONEncoder());
  b.SetSerializer(new JSONEncoder());
  assert.is(DecodeMulti("n", b.Encode("n", "old"), a, b), "old");
  assert.is(EncodeMulti("n", "v", b, a).length, b.Encode("n", "v").length);
});

test.run();
