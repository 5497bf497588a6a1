/** time.Time's MarshalBinary format, checked against the bytes Go wrote for the time vectors. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { decode, encode, GobError } from "../../src/gob/index.ts";
import { marshalTime, unmarshalTime } from "../../src/gob/time.ts";
import { memoOf, recordTime } from "../../src/gob/typeMemory.ts";
import { bytesOf, vectors } from "../support/gobVectors.ts";
import type { Typed } from "../support/tjson.ts";

/** Zone offsets of the time vectors (compat/gobtypes), in seconds east of UTC; null for UTC. */
const offsets: Record<string, number | null> = {
  utc: null,
  "utc nanos": null,
  "+05:30": 5 * 3600 + 30 * 60,
  "-08:00": -8 * 3600,
  "+05:53:28 (v2)": 5 * 3600 + 53 * 60 + 28,
  "-03:25:52 (v2)": -(3 * 3600 + 25 * 60 + 52),
  epoch: null,
  "before epoch": null,
  "year 9999": null,
};

const c = vectors.cases.find((x) => x.name === "times")!;
const session = decode(bytesOf(c.gob)) as Map<string, Date>;
const typed = new Map(
  (c.typed.v as [Typed, Typed][]).map(([k, v]) => [k.v as string, v.v as string]),
);

for (const [name, offset] of Object.entries(offsets)) {
  test(`marshalTime writes Go's bytes for the ${name} time`, () => {
    const date = session.get(name)!;
    const text = typed.get(name)!;
    const nanos = Number((/\.(\d+)/.exec(text)?.[1] ?? "").padEnd(9, "0"));
    const sec = Math.floor(Number(vectors.instants[text]) / 1000);
    const ours = marshalTime(sec, nanos, offset);
    const go = memoOf(date)?.time?.bytes ?? null;
    if (go === null) {
      // Go wrote what a fresh Date writes (version 1, UTC, whole milliseconds): nothing kept.
      assert.is(offset, null);
      assert.is(nanos % 1e6, 0);
    } else {
      assert.equal([...ours], [...go]);
    }
    assert.is(unmarshalTime(ours).ms, date.getTime());
  });
}

test("the zero time is January 1, year 1, UTC", () => {
  assert.is(session.get("zero")!.toISOString(), "0001-01-01T00:00:00.000Z");
});

test("malformed MarshalBinary bytes are decode errors, as Go's UnmarshalBinary reports", () => {
  const good = marshalTime(0, 0, null);
  const bad = [
    new Uint8Array(0),
    Uint8Array.of(3, ...good.subarray(1)), // unsupported version
    good.subarray(0, 14), // too short
    Uint8Array.of(...good, 0), // too long for version 1
  ];
  for (const b of bad) {
    assert.throws(
      () => unmarshalTime(b),
      (e: unknown) => e instanceof GobError && e.code === "decode",
    );
  }
});

test("nanoseconds outside a second are decode errors (stricter than Go, README)", () => {
  for (const nsec of [1e9, 2 ** 31 - 1, -1]) {
    const b = marshalTime(0, 0, null);
    new DataView(b.buffer, b.byteOffset).setInt32(9, nsec);
    assert.throws(
      () => unmarshalTime(b),
      (e: unknown) => e instanceof GobError && /invalid nanoseconds/.test(e.message),
    );
  }
});

test("a time outside the Date range decodes to an invalid Date that keeps its bytes", () => {
  const far = marshalTime(2 ** 50, 0, 3600);
  assert.ok(Number.isNaN(unmarshalTime(far).ms));
  const d = new Date(Number.NaN);
  recordTime(d, far);
  const back = (decode(encode(new Map([["far", d]]))) as Map<string, Date>).get("far")!;
  assert.ok(Number.isNaN(back.getTime()));
  assert.equal([...memoOf(back)!.time!.bytes], [...far]);
});

test.run();
