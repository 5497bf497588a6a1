/**
 * Hostile input: truncated, oversized, deeply nested, recursive, type-confused and random
 * streams end in a GobError (code "decode" or "limit"), quickly, never in a hang, a crash or
 * a large allocation.
 */
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ByteWriter } from "../../src/gob/ByteWriter.ts";
import type { DecoderOptions } from "../../src/gob/index.ts";
import {
  arrayOf,
  Decoder,
  decode,
  encode,
  GobError,
  GoType,
  goTypes,
  mapOf,
  sliceOf,
  structOf,
} from "../../src/gob/index.ts";
import { writeWireType } from "../../src/gob/wireType.ts";
import { bytesOf, vectors } from "../support/gobVectors.ts";

/** Decodes, expecting a GobError of `code`; returns its message. */
function rejects(data: Uint8Array, code: "decode" | "limit", options?: DecoderOptions): string {
  const start = performance.now();
  try {
    decode(data, options);
  } catch (e) {
    assert.instance(e, GobError, `not a GobError: ${e}`);
    assert.is((e as GobError).code, code, (e as GobError).message);
    assert.ok(performance.now() - start < 500, "slow rejection");
    return (e as GobError).message;
  }
  assert.unreachable(`decoded ${Buffer.from(data).toString("hex")} without error`);
  return "";
}

/** Decoding `data` either succeeds or throws a GobError, and is fast. */
function safe(data: Uint8Array, options?: DecoderOptions): void {
  const run = () => {
    const start = performance.now();
    try {
      decode(data, options);
    } catch (e) {
      if (!(e instanceof GobError))
        throw new Error(`${e} for ${Buffer.from(data).toString("hex")}`);
    }
    return performance.now() - start;
  };
  // Slow twice in a row, not once (a shared machine pauses now and then).
  if (run() > 100 && run() > 100) throw new Error(`slow on ${Buffer.from(data).toString("hex")}`);
}

/** One message: uint(length) then what `build` writes. */
function message(build: (w: ByteWriter) => void): Uint8Array {
  const w = new ByteWriter();
  const at = w.open();
  build(w);
  w.close(at);
  return w.take();
}

/** Stream ids by wire key, as writeWireType asks for them. */
function idsOf(ids: Record<string, number>) {
  return { idOf: (t: GoType) => (t.isBasic ? t.builtinId : ids[t.wireKey]) };
}

/** A type definition message defining `t` as `id`, inner types by `ids`. */
function definition(id: number, t: GoType, ids: Record<string, number> = {}): Uint8Array {
  return message((w) => {
    w.int(-id);
    writeWireType(w, t, id, idsOf(ids));
  });
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

const single = vectors.cases.filter((c) => c.gob.length > 0);

test("every truncation of every vector is a decode error, in one call and streamed", () => {
  let count = 0;
  for (const c of single) {
    const full = bytesOf(c.gob);
    for (let n = 0; n < full.length; n++) {
      const prefix = full.subarray(0, n);
      rejects(prefix, "decode");
      if (n === 0) continue; // an empty stream is a stream of no values
      const dec = new Decoder();
      assert.equal(dec.write(prefix), []);
      assert.throws(
        () => dec.end(),
        (e: unknown) => e instanceof GobError && e.code === "decode",
      );
      count++;
    }
  }
  assert.ok(count > 5000, `${count} truncations`);
});

test("a message longer than maxMessageSize is a limit error before it is read", () => {
  const huge = Uint8Array.of(0xf8, 0x10, 0, 0, 0, 0, 0, 0, 0); // a 2^60-byte message
  rejects(huge, "limit");
  const session = encode(new Map([["k", "x".repeat(5000)]]));
  rejects(session, "limit", { maxMessageSize: 4096 });
  assert.ok(decode(session, { maxMessageSize: 8192 }) instanceof Map);
});

test("a message shorter than its count is a decode error (no read past the input)", () => {
  rejects(Uint8Array.of(0x7f, 0x03), "decode");
  rejects(Uint8Array.of(0xfe, 0xff, 0xff, 1, 2, 3), "decode");
});

test("huge declared lengths are rejected before anything is allocated", () => {
  // A string value claiming 2^40 bytes.
  rejects(
    message((w) => {
      w.int(6);
      w.uint(0);
      w.uint(2 ** 40);
      w.raw(Uint8Array.of(1, 2, 3));
    }),
    "decode",
  );
  // []byte claiming 2^52 bytes.
  rejects(
    message((w) => {
      w.int(5);
      w.uint(0);
      w.uint(2 ** 52);
    }),
    "decode",
  );
  // A []int claiming 2^50 elements; a map claiming 2^40 pairs.
  const ints = sliceOf(goTypes.int);
  rejects(
    concat(
      definition(65, ints),
      message((w) => {
        w.int(65);
        w.uint(0);
        w.uint(2 ** 50);
        w.uint(0);
      }),
    ),
    "decode",
  );
  rejects(
    concat(
      definition(65, mapOf(goTypes.string, goTypes.int)),
      message((w) => {
        w.int(65);
        w.uint(0);
        w.uint(2 ** 40);
      }),
    ),
    "decode",
  );
  // An interface name of 2^31 bytes, and one longer than Go's 1024.
  for (const n of [2 ** 31, 1025]) {
    rejects(
      message((w) => {
        w.int(8);
        w.uint(0);
        w.uint(n);
        w.raw(new Uint8Array(Math.min(n, 2000)).fill(0x61));
      }),
      "decode",
    );
  }
  // An unsigned integer announcing 9 bytes.
  rejects(
    message((w) => w.raw(Uint8Array.of(0xf7, 1, 2, 3, 4, 5, 6, 7, 8, 9))),
    "decode",
  );
});

test("nesting deeper than maxDepth is a limit error", () => {
  let deep: unknown = "leaf";
  for (let i = 0; i < 100; i++) deep = [deep];
  const data = encode(deep);
  rejects(data, "limit");
  assert.ok(Array.isArray(decode(data, { maxDepth: 250 })));
  let maps: unknown = 1;
  for (let i = 0; i < 70; i++) maps = new Map([["k", maps]]);
  rejects(encode(maps), "limit");
});

test("recursive types decode finite values and stop at maxDepth", () => {
  // type T []T: a slice whose element type is itself.
  const t = new GoType("slice", "main.T", "T");
  t.elem = t;
  const recursive = definition(65, t, { [t.wireKey]: 65 });
  const nested = (depth: number) =>
    concat(
      recursive,
      message((w) => {
        w.int(65);
        w.uint(0);
        for (let i = 0; i < depth; i++) w.uint(1);
        w.uint(0);
      }),
    );
  assert.equal(decode(nested(3)), [[[[]]]]);
  rejects(nested(500), "limit");
  // An element count the bytes cannot hold ends the recursion too.
  rejects(
    concat(
      recursive,
      message((w) => {
        w.int(65);
        w.uint(0);
        w.uint(3);
        w.uint(3);
      }),
    ),
    "decode",
  );
});

test("a recursive struct's absent field is nil, not an endless zero value", () => {
  // type S struct { Self S; N int }: impossible in Go, possible on the wire.
  const s = new GoType("struct", "main.S", "S");
  s.fields = [
    { name: "Self", type: s },
    { name: "N", type: goTypes.int },
  ];
  const data = concat(
    definition(65, s, { [s.wireKey]: 65 }),
    message((w) => {
      w.int(65);
      w.uint(2); // field 1, N
      w.int(7);
      w.uint(0);
    }),
  );
  assert.equal(decode(data), { Self: null, N: 7 });
  // A Self present, holding an absent Self.
  const twice = concat(
    definition(65, s, { [s.wireKey]: 65 }),
    message((w) => {
      w.int(65);
      w.uint(1); // field 0, Self
      w.uint(2); // its field 1, N
      w.int(1);
      w.uint(0);
      w.uint(0);
    }),
  );
  assert.equal(decode(twice), { Self: { Self: null, N: 1 }, N: 0 });
});

test("zero values of absent arrays are bounded", () => {
  const grid = structOf("main.G", {
    Grid: arrayOf(1 << 20, arrayOf(1 << 20, goTypes.int)),
    N: goTypes.int,
  });
  const data = concat(
    message((w) => {
      w.int(-65);
      writeWireType(
        w,
        grid,
        65,
        idsOf({ [grid.fields[0].type.wireKey]: 66, [grid.fields[0].type.elem!.wireKey]: 67 }),
      );
    }),
    definition(66, grid.fields[0].type, { [grid.fields[0].type.elem!.wireKey]: 67 }),
    definition(67, grid.fields[0].type.elem!),
    message((w) => {
      w.int(65);
      w.uint(2);
      w.int(1);
      w.uint(0);
    }),
  );
  rejects(data, "limit");
  // An array type longer than any message can hold is refused outright.
  const long = arrayOf(2 ** 40, goTypes.int);
  rejects(
    concat(
      definition(65, long),
      message((w) => {
        w.int(65);
        w.uint(0);
        w.uint(2 ** 40);
      }),
    ),
    "limit",
  );
});

test("type-id confusion is a decode error", () => {
  const value = (id: number) =>
    message((w) => {
      w.int(id);
      w.uint(0);
      w.uint(0);
    });
  for (const id of [0, 9, 16, 20, 63, 64, 99, 2 ** 31]) {
    rejects(value(id), "decode");
  }
  // A definition naming a type never defined.
  const ints = sliceOf(goTypes.int);
  const dangling = message((w) => {
    w.int(-65);
    w.uint(2);
    w.uint(1);
    w.uint(2);
    w.int(65);
    w.uint(0);
    w.uint(1);
    w.int(77); // Elem: undefined
    w.uint(0);
    w.uint(0);
  });
  assert.match(rejects(concat(dangling, value(65)), "decode"), "unknown type id 77");
  // A type defined twice, a definition for a predefined id, a negative id.
  assert.match(
    rejects(concat(definition(65, ints), definition(65, ints), value(65)), "decode"),
    "duplicate type",
  );
  assert.match(rejects(concat(definition(6, ints), value(6)), "decode"), "duplicate type");
  assert.match(rejects(concat(definition(63, ints), value(63)), "decode"), "duplicate type");
  // A definition that is two kinds at once, or none.
  const twoKinds = message((w) => {
    w.int(-65);
    w.uint(2); // SliceT
    w.uint(1);
    w.uint(2);
    w.int(65);
    w.uint(0);
    w.uint(1);
    w.int(2);
    w.uint(0);
    w.uint(2); // MapT
    w.uint(1);
    w.uint(2);
    w.int(65);
    w.uint(0);
    w.uint(0);
    w.uint(0);
  });
  rejects(concat(twoKinds, value(65)), "decode");
  rejects(
    concat(
      message((w) => {
        w.int(-65);
        w.uint(0);
      }),
      value(65),
    ),
    "decode",
  );
  // A struct with two fields of one name (Go fills its local field from both; README,
  // "Stricter than Go"): a definition of fields A and B, with B renamed A.
  const twoFields = definition(65, structOf("main.S", { A: goTypes.int, B: goTypes.int }));
  const b = Buffer.from(twoFields);
  const at = b.indexOf("\x01B", 0, "latin1");
  assert.ok(at > 0, "the field name B is in the definition");
  b[at + 1] = 0x41; // "A"
  assert.match(rejects(concat(b, value(65)), "decode"), "duplicate field A in type S");
  // A value in the same top-level message as a definition.
  rejects(
    message((w) => {
      w.int(-65);
      writeWireType(w, ints, 65, idsOf({}));
      w.int(65);
    }),
    "decode",
  );
});

test("more type definitions than maxTypeDefs is a limit error", () => {
  const defs: Uint8Array[] = [];
  for (let i = 0; i < 5; i++) defs.push(definition(65 + i, sliceOf(goTypes.int)));
  const data = concat(...defs, encode(1).subarray(0));
  rejects(data, "limit", { maxTypeDefs: 4 });
  assert.is(decode(data, { maxTypeDefs: 5 }), 1);
});

test("random bytes: a value or a GobError, quickly", () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
      safe(data);
    }),
    { numRuns: 3000 },
  );
});

test("random messages (a valid count, random contents): a value or a GobError", () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 120 }), fc.uint8Array({ maxLength: 120 }), (a, b) => {
      const framed = concat(Uint8Array.of(a.length), a, Uint8Array.of(b.length), b);
      safe(framed);
      safe(
        concat(
          definition(64, mapOf(goTypes.interface, goTypes.interface)),
          Uint8Array.of(a.length),
          a,
        ),
      );
    }),
    { numRuns: 3000 },
  );
});

test("mutated vectors: a value or a GobError, quickly, one call or streamed", () => {
  const sources = single.map((c) => bytesOf(c.gob));
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: sources.length - 1 }),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
        minLength: 1,
        maxLength: 4,
      }),
      fc.integer({ min: 1, max: 64 }),
      (which, flips, chunk) => {
        const data = sources[which].slice();
        for (const [at, b] of flips) data[at % data.length] = b;
        safe(data);
        const dec = new Decoder();
        try {
          for (let i = 0; i < data.length; i += chunk) dec.write(data.subarray(i, i + chunk));
          dec.end();
        } catch (e) {
          if (!(e instanceof GobError)) throw e;
        }
      },
    ),
    { numRuns: 3000 },
  );
});

test.run();
