/** `Timestamp`: the issue time inside an encoded securecookie value, as `Encode` wrote it. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { New } from "../../src/securecookie/index.ts";
import { Timestamp } from "../../src/securecookie/timestamp.ts";

test("reads the timestamp Encode wrote, with and without encryption", () => {
  for (const block of [null, Buffer.alloc(32, 7)]) {
    const codec = New(Buffer.from("hash"), block);
    codec.timeFunc = () => 1_700_000_123;
    assert.is(Timestamp(codec.Encode("name", "value")), 1_700_000_123);
  }
});

test("null for a value that holds no timestamp", () => {
  assert.is(Timestamp(""), null);
  assert.is(Timestamp(Buffer.from("no pipe here").toString("base64url")), null);
  assert.is(Timestamp(Buffer.from("|x|y").toString("base64url")), null);
  assert.is(Timestamp(Buffer.from("12a|x|y").toString("base64url")), null);
});

test.run();
