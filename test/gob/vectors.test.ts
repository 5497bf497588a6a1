/** Decoding Go's golden vectors gives the values of the Go → TypeScript table (DESIGN.md §2). */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Decoder, decode } from "../../src/gob/index.ts";
import { bytesOf, typedOptions, vectors } from "../support/gobVectors.ts";
import { fromTyped, sameValue, show } from "../support/tjson.ts";

test("the vector file has its cases and streams", () => {
  assert.ok(vectors.cases.length >= 30, `${vectors.cases.length} cases`);
  assert.ok(vectors.streams.length >= 2);
});

for (const c of vectors.cases) {
  test(`decodes Go's ${c.name}`, () => {
    const got = decode(bytesOf(c.gob));
    const want = fromTyped(c.typed, typedOptions);
    assert.ok(sameValue(got, want), `got  ${show(got)}\nwant ${show(want)}`);
  });
}

for (const s of vectors.streams) {
  const want = s.typed.map((t) => fromTyped(t, typedOptions));

  test(`decodes Go's stream ${s.name} in one write`, () => {
    const dec = new Decoder();
    const got = dec.write(bytesOf(s.gob));
    dec.end();
    assert.ok(sameValue(got, want), `got  ${show(got)}\nwant ${show(want)}`);
  });

  test(`decodes Go's stream ${s.name} fed byte by byte`, () => {
    const dec = new Decoder();
    const got: unknown[] = [];
    for (const b of bytesOf(s.gob)) got.push(...dec.write(Uint8Array.of(b)));
    dec.end();
    assert.ok(sameValue(got, want), `got  ${show(got)}\nwant ${show(want)}`);
  });
}

test("a session decodes to a Map, as Go's Decode(&session.Values) fills a map[interface {}]interface {}", () => {
  const c = vectors.cases.find((x) => x.name === "typical session")!;
  assert.instance(decode(bytesOf(c.gob)), Map);
});

test.run();
