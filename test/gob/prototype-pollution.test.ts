/**
 * Keys named `__proto__`, `constructor`, `prototype` never touch a prototype: a
 * map[string]X decodes to a plain object whose such keys are own properties; struct fields
 * with such names are not exported, so dropped as Go drops them.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { decode, encode, GoType, goTypes, typed } from "../../src/gob/index.ts";
import { bytesOf, vectors } from "../support/gobVectors.ts";

function assertPristine(): void {
  const probe: Record<string, unknown> = {};
  assert.is(probe.polluted, undefined);
  assert.is(probe.p, undefined);
  assert.is(Object.getPrototypeOf(probe), Object.prototype);
  assert.is(typeof Object.prototype.toString, "function");
}

test("Go's map with __proto__, constructor and prototype keys decodes to own properties", () => {
  const c = vectors.cases.find((x) => x.name === "string maps")!;
  const session = decode(bytesOf(c.gob)) as Map<string, Record<string, unknown>>;
  const obj = session.get("special keys")!;
  assert.is(Object.getPrototypeOf(obj), Object.prototype);
  assert.ok(Object.hasOwn(obj, "__proto__"));
  assert.is(Object.getOwnPropertyDescriptor(obj, "__proto__")?.value, "p");
  assert.is(obj.constructor, "c");
  assert.is(obj.prototype, 1);
  assert.equal(Object.keys(obj).sort(), ["__proto__", "constructor", "prototype"]);
  assertPristine();
});

test("a hostile __proto__ key holding an object does not become the prototype", () => {
  const hostile: Record<string, unknown> = {};
  Object.defineProperty(hostile, "__proto__", {
    value: { polluted: true },
    enumerable: true,
    writable: true,
    configurable: true,
  });
  const session = new Map<unknown, unknown>([["m", hostile]]);
  const back = (decode(encode(session)) as Map<string, Record<string, unknown>>).get("m")!;
  assert.is(Object.getPrototypeOf(back), Object.prototype);
  assert.is(back.polluted, undefined);
  assert.equal(Object.getOwnPropertyDescriptor(back, "__proto__")?.value, { polluted: true });
  assertPristine();
});

test("a top-level map[string]interface {} with a __proto__ key", () => {
  const hostile = JSON.parse(
    '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"p": 2}}}',
  );
  const back = decode(encode(hostile)) as Record<string, unknown>;
  assert.is(Object.getPrototypeOf(back), Object.prototype);
  assert.equal(Object.keys(back).sort(), ["__proto__", "constructor"]);
  assert.is((back as { polluted?: unknown }).polluted, undefined);
  assertPristine();
});

test("struct fields named __proto__, constructor, prototype are unexported: dropped", () => {
  // A wire struct type with such field names (Go never sends them; a hostile stream may).
  const t = new GoType("struct", "main.Evil", "Evil");
  t.fields = [
    { name: "__proto__", type: goTypes.interface },
    { name: "constructor", type: goTypes.string },
    { name: "prototype", type: goTypes.string },
    { name: "Name", type: goTypes.string },
  ];
  const value: Record<string, unknown> = { constructor: "c", prototype: "p", Name: "ok" };
  Object.defineProperty(value, "__proto__", {
    value: new Map([["polluted", true]]),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  const back = decode(encode(typed(t, value))) as Record<string, unknown>;
  assert.equal(Object.keys(back), ["Name"]);
  assert.is(back.Name, "ok");
  assert.is(Object.getPrototypeOf(back), Object.prototype);
  assertPristine();
});

test.run();
