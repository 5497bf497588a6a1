/**
 * JSONSerializer (hertz-contrib/sessions v1.0.3 `serializer.go`): what json.Marshal writes,
 * what json.Unmarshal into map[string]interface{} gives, and Go's errors. The bytes Go writes
 * for the same values are checked live in test/interop/serializers.test.ts.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { JSONSerializer } from "../../src/serializers/JSONSerializer.ts";
import { GorillaSession } from "../../src/sessions/GorillaSession.ts";
import { captureLog } from "../support/captureLog.ts";
import { MemoryStore } from "../support/memoryStore.ts";

const ser = new JSONSerializer();
const text = (b: Uint8Array) => Buffer.from(b).toString("utf8");

function session(entries: [unknown, unknown][] = []): GorillaSession {
  const s = GorillaSession.New(new MemoryStore(), "s");
  s.Values = new Map(entries);
  return s;
}

test("Serialize writes json.Marshal's text: sorted keys, HTML escaped, no newline", () => {
  const s = session([
    ["b", 1],
    ["a", "<x&y>"],
    ["c", [1.5, true, null]],
    ["d", { z: 1, y: new Uint8Array([1, 2, 3]) }],
  ]);
  assert.is(
    text(ser.Serialize(s)),
    '{"a":"\\u003cx\\u0026y\\u003e","b":1,"c":[1.5,true,null],"d":{"y":"AQID","z":1}}',
  );
});

test("a key named __proto__ is an ordinary key", () => {
  const s = session([["__proto__", 1]]);
  assert.is(text(ser.Serialize(s)), '{"__proto__":1}');
  const back = session();
  ser.Deserialize(ser.Serialize(s), back);
  assert.is(back.Values.get("__proto__"), 1);
});

test("a non-string key is Go's error, logged as Go logs it", () => {
  for (const [key, shown] of [
    [1, "1"],
    [true, "true"],
    [null, "<nil>"],
    [2.5, "2.5"],
  ] as const) {
    let err: Error | undefined;
    const lines = captureLog(() => {
      try {
        ser.Serialize(session([[key, "v"]]));
      } catch (e) {
        err = e as Error;
      }
    });
    const message = `non-string key value, cannot serialize session to JSON: ${shown}`;
    assert.is(err?.message, message);
    assert.equal(lines, [`redistore.JSONSerializer.serialize() Error: ${message}`]);
  }
});

test("Deserialize: numbers are numbers (Go's float64), entries join the existing ones", () => {
  const s = session([
    ["keep", "me"],
    ["n", "old"],
  ]);
  ser.Deserialize(Buffer.from('{"n":5,"f":0.5,"l":[1,"a"],"m":{"k":2}}'), s);
  assert.equal(
    [...s.Values],
    [
      ["keep", "me"],
      ["n", 5],
      ["f", 0.5],
      ["l", [1, "a"]],
      ["m", { k: 2 }],
    ],
  );
});

test("Deserialize: JSON null changes nothing; other non-objects are Go's errors", () => {
  const s = session([["a", 1]]);
  ser.Deserialize(Buffer.from("null"), s);
  assert.equal([...s.Values], [["a", 1]]);
  for (const [json, kind] of [
    ["[1]", "array"],
    ['"x"', "string"],
    ["1", "number"],
    ["true", "bool"],
  ]) {
    let err: Error | undefined;
    const lines = captureLog(() => {
      try {
        ser.Deserialize(Buffer.from(json), s);
      } catch (e) {
        err = e as Error;
      }
    });
    const message = `json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`;
    assert.is(err?.message, message);
    assert.equal(lines, [`redistore.JSONSerializer.deserialize() Error: ${message}`]);
  }
  assert.throws(() => captureLog(() => ser.Deserialize(Buffer.from("{bad"), s)));
});

test("reading refuses a value longer than maxLength or nested deeper than maxDepth", () => {
  const s = session([["a", 1]]);
  const refused = (reader: JSONSerializer, json: string) =>
    assert.throws(
      () => captureLog(() => reader.Deserialize(Buffer.from(json), s)),
      (e: Error) => e instanceof RangeError && /JSONSerializer: the stored value/.test(e.message),
      json.slice(0, 40),
    );
  // 1 MiB: accepted at the limit, refused one byte beyond it.
  const filler = (n: number) => `{"k":"${"x".repeat(n - 8)}"}`;
  ser.Deserialize(Buffer.from(filler(1 << 20)), s);
  refused(ser, filler((1 << 20) + 1));
  // Depth 64 (the object and 63 arrays): accepted; one more level: refused.
  const nested = (arrays: number) => `{"d":${"[".repeat(arrays)}${"]".repeat(arrays)}}`;
  ser.Deserialize(Buffer.from(nested(63)), s);
  refused(ser, nested(64));
  // Brackets inside strings, escaped quotes too, are not nesting.
  const withBrackets = `\\"${"[".repeat(100)}`;
  ser.Deserialize(Buffer.from(JSON.stringify({ t: withBrackets })), s);
  assert.is(s.Values.get("t"), withBrackets);
  // Both limits are options.
  new JSONSerializer({ maxDepth: 200 }).Deserialize(Buffer.from(nested(150)), s);
  refused(new JSONSerializer({ maxLength: 10 }), '{"k":"eleven"}');
  assert.throws(() => new JSONSerializer({ maxLength: 0 }), TypeError);
  assert.throws(() => new JSONSerializer({ maxDepth: 1.5 }), TypeError);
});

test("round trip of JSON-representable values", () => {
  const values: [unknown, unknown][] = [
    ["s", "ü ✓ \u2028"],
    ["n", -12.25],
    ["big", 2 ** 53 - 1],
    ["arr", [[], {}, ["x"]]],
    ["obj", { nested: { deeper: [null, false] } }],
  ];
  const back = session();
  ser.Deserialize(ser.Serialize(session(values)), back);
  const sorted = (e: [unknown, unknown][]) =>
    [...e].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  assert.equal(sorted([...back.Values]), sorted(values));
});

test.run();
