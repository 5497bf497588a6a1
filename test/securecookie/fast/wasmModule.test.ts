/**
 * The WebAssembly encoder: LEB128 as the specification's examples give it, and a module
 * that the runtime validates and runs.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { op, sleb, uleb, wasmModule } from "../../../src/securecookie/fast/wasmModule.ts";

test("unsigned LEB128", () => {
  assert.equal(uleb(0), [0x00]);
  assert.equal(uleb(127), [0x7f]);
  assert.equal(uleb(128), [0x80, 0x01]);
  assert.equal(uleb(624485), [0xe5, 0x8e, 0x26]);
  assert.equal(uleb(0xffffffff), [0xff, 0xff, 0xff, 0xff, 0x0f]);
});

test("signed LEB128", () => {
  assert.equal(sleb(0), [0x00]);
  assert.equal(sleb(63), [0x3f]);
  assert.equal(sleb(64), [0xc0, 0x00]);
  assert.equal(sleb(-1), [0x7f]);
  assert.equal(sleb(-64), [0x40]);
  assert.equal(sleb(-65), [0xbf, 0x7f]);
  assert.equal(sleb(-123456), [0xc0, 0xbb, 0x78]);
  // i32 constants given as unsigned words are their two's complement.
  assert.equal(sleb(0xff00ff00), sleb(0xff00ff00 | 0));
  assert.equal(sleb(-(2 ** 31)), [0x80, 0x80, 0x80, 0x80, 0x78]);
});

test("a module the runtime validates and runs", () => {
  // store(a, b): memory[a] = b, then memory[a + 4] = b rotated right by 8, in a loop of one.
  const body = [
    [op.block, 0x40, op.loop, 0x40],
    [op.localGet, 0, op.localGet, 1, op.i32Store, 2, 0],
    [op.localGet, 0, op.localGet, 1, op.i32Const, 8, op.i32Rotr, op.i32Store, 2, 4],
    [op.i32Const, 0, op.brIf, 0, op.end, op.end],
  ].flat();
  const bytes = wasmModule(1, [{ name: "store", params: 2, locals: 0, results: 0, body }]);
  assert.ok(WebAssembly.validate(bytes));
  const { exports } = new WebAssembly.Instance(new WebAssembly.Module(bytes));
  const { memory, store } = exports as {
    memory: WebAssembly.Memory;
    store: (a: number, b: number) => void;
  };
  store(8, 0x11223344);
  const view = new DataView(memory.buffer);
  assert.is(view.getUint32(8, true), 0x11223344);
  assert.is(view.getUint32(12, true), 0x44112233);
  assert.is(memory.buffer.byteLength, 65536);
});

test.run();
