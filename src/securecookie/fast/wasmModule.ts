/**
 * A WebAssembly module in the binary format (WebAssembly Core Specification 2.0, chapter 5),
 * for what SHA-256 needs: functions of i32 parameters and i32 locals that return nothing or
 * one i32, calling each other, over one memory that the module exports as `memory`.
 */

/** The instructions used, by their opcodes (§5.4). */
export const op = {
  block: 0x02,
  loop: 0x03,
  end: 0x0b,
  brIf: 0x0d,
  call: 0x10,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Load: 0x28,
  i32Store: 0x36,
  i32Store8: 0x3a,
  i32Const: 0x41,
  i32Eqz: 0x45,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32And: 0x71,
  i32Or: 0x72,
  i32Xor: 0x73,
  i32Shl: 0x74,
  i32ShrU: 0x76,
  i32Rotl: 0x77,
  i32Rotr: 0x78,
} as const;

/** `memory.fill` (bulk memory, §5.4.6): `0xFC 11` then the memory index. */
export const MEMORY_FILL = [0xfc, 11, 0x00];

/** `blocktype ::= 0x40` (no result). */
export const EMPTY = 0x40;
const I32 = 0x7f;

/**
 * An exported function, called by its index in the list (`call`): `params` i32 parameters,
 * then `locals` i32 locals, `results` i32 results (0 or 1); `body` without its `end`.
 */
export interface WasmFunction {
  name: string;
  params: number;
  locals: number;
  results: number;
  body: number[];
}

/** `u32` as unsigned LEB128 (§5.2.2). */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** `i32` as signed LEB128 (§5.2.2), for `i32.const`. */
export function sleb(n: number): number[] {
  const out: number[] = [];
  n |= 0;
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

/** `vec(B) ::= n:u32 (x:B)^n` of already-encoded items. */
function vec(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

/** `section_N(B) ::= N:byte size:u32 cont:B`. */
function section(id: number, contents: number[]): number[] {
  return [id, ...uleb(contents.length), ...contents];
}

/** `name ::= b*:vec(byte)` (ASCII names only). */
function name(s: string): number[] {
  return vec([...s].map((c) => [c.charCodeAt(0)]));
}

/** The module: `magic version typesec funcsec memsec exportsec codesec` (§5.5). */
export function wasmModule(pages: number, functions: WasmFunction[]): Uint8Array<ArrayBuffer> {
  // functype ::= 0x60 rt1:resulttype rt2:resulttype, one type per function.
  const types = functions.map((f) => [
    0x60,
    ...vec(Array(f.params).fill([I32])),
    ...vec(Array(f.results).fill([I32])),
  ]);
  const funcs = functions.map((_, i) => uleb(i));
  // mem ::= limits, limits ::= 0x00 n:u32 (no maximum).
  const memories = [[0x00, ...uleb(pages)]];
  // export ::= nm:name d:exportdesc, exportdesc ::= 0x00 funcidx | 0x02 memidx.
  const exports = [
    [...name("memory"), 0x02, 0x00],
    ...functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]),
  ];
  // code ::= size:u32 code:func, func ::= (t*)*:vec(locals) e:expr, locals ::= n:u32 t:valtype.
  const codes = functions.map((f) => {
    const func = [...vec(f.locals > 0 ? [[...uleb(f.locals), I32]] : []), ...f.body, op.end];
    return [...uleb(func.length), ...func];
  });
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d], // magic: "\0asm"
    ...[0x01, 0x00, 0x00, 0x00], // version 1
    ...section(1, vec(types)),
    ...section(3, vec(funcs)),
    ...section(5, vec(memories)),
    ...section(7, vec(exports)),
    ...section(10, vec(codes)),
  ]);
}
