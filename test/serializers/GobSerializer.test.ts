/**
 * GobSerializer (hertz-contrib/sessions v1.0.3 `serializer.go`): gob of the values map, and
 * Go's `dec.Decode(&ss.Values)` filling the existing map. Go's bytes and types are checked
 * live in test/interop/serializers.test.ts.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { encode } from "../../src/gob/index.ts";
import { GobSerializer } from "../../src/serializers/GobSerializer.ts";
import { GorillaSession } from "../../src/sessions/GorillaSession.ts";
import { MemoryStore } from "../support/memoryStore.ts";

const ser = new GobSerializer();

function session(entries: [unknown, unknown][] = []): GorillaSession {
  const s = GorillaSession.New(new MemoryStore(), "s");
  s.Values = new Map(entries);
  return s;
}

test("Serialize is gob's encoding of the values map", () => {
  const values = new Map<unknown, unknown>([
    ["count", 3],
    [7, "int key"],
  ]);
  assert.equal(Array.from(ser.Serialize(session([...values]))), Array.from(encode(values)));
});

test("round trip keeps keys of any type and the values", () => {
  const entries: [unknown, unknown][] = [
    ["count", 3],
    [7, "int key"],
    ["f", 0.5],
    ["_flash", ["a", "b"]],
  ];
  const back = session();
  ser.Deserialize(ser.Serialize(session(entries)), back);
  assert.equal(
    [...back.Values].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    [...entries].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  );
});

test("quirk: decoding fills the existing map (gob decodes into a non-nil map)", () => {
  const s = session([
    ["keep", "me"],
    ["count", "old"],
  ]);
  ser.Deserialize(ser.Serialize(session([["count", 5]])), s);
  assert.equal(
    [...s.Values],
    [
      ["keep", "me"],
      ["count", 5],
    ],
  );
});

test("bytes that are no gob map are an error", () => {
  assert.throws(
    () => ser.Deserialize(encode("just a string"), session()),
    /map\[interface \{\}\]interface \{\}/,
  );
  assert.throws(() => ser.Deserialize(new Uint8Array([1, 2, 3]), session()));
});

test.run();
