/**
 * `hertz-sessions encode`: cookies made from hinted JSON, read by real Go
 * (compat/cmd/gocodec cookieDecode) with the Go types the hints name.
 */
import * as assert from "uvu/assert";
import { run } from "../../src/cli/run.ts";
import { goCodecSuite } from "../support/gocodec.ts";
import { bufferIo } from "./bufferIo.ts";

type Typed = { t: string; v?: unknown };

const t = goCodecSuite("cli encode");

const hashKey = Buffer.from("encode-hash-key");
const blockKey = Buffer.from("encode-aes-192-key-01234");

const values = JSON.stringify({
  count: { $int: 3 },
  plain: 4,
  level: { $int8: -2 },
  big: { $uint64: "18446744073709551615" },
  ratio: 0.5,
  whole: { $float64: 2 },
  at: { $time: "2024-03-01T10:00:00Z" },
  raw: { $bytes: "AAEC" },
  _flash: ["saved", { $uint16: 7 }],
});

t("Go reads each value as the type its hint names", async ({ go }) => {
  if (!go) return;
  const io = bufferIo();
  const args = [
    "encode",
    "--hash-key",
    hashKey.toString(),
    "--block-key",
    blockKey.toString(),
    "--name",
    "app",
  ];
  assert.is(await run([...args, values], io), 0, io.stderr);
  const cookie = io.stdout.trim();
  const r = await go.call<{ value?: Typed; error?: { text: string } }>("cookieDecode", {
    name: "app",
    keyPairs: [hashKey.toString("hex"), blockKey.toString("hex")],
    cookie,
  });
  assert.is(r.error, undefined);
  const pairs = r.value!.v as [Typed, Typed][];
  const got = Object.fromEntries(pairs.map(([k, v]) => [k.v as string, v]));
  assert.equal(got.count, { t: "int", v: "3" });
  assert.equal(got.plain, { t: "int", v: "4" });
  assert.equal(got.level, { t: "int8", v: "-2" });
  assert.equal(got.big, { t: "uint64", v: "18446744073709551615" });
  assert.equal(got.ratio, { t: "float64", v: "0.5" });
  assert.equal(got.whole, { t: "float64", v: "2" });
  assert.equal(got.at, { t: "time.Time", v: "2024-03-01T10:00:00Z UTC" });
  assert.equal(got.raw, { t: "[]uint8", v: "AAEC" });
  assert.equal(got._flash, {
    t: "[]interface {}",
    v: [
      { t: "string", v: "saved" },
      { t: "uint16", v: "7" },
    ],
  });
});

t("encode then decode round-trips through the CLI, from stdin", async () => {
  const enc = bufferIo({ stdin: values });
  assert.is(await run(["encode", "--hash-key", "k", "--json", "-"], enc), 0, enc.stderr);
  const { cookie, name } = JSON.parse(enc.stdout);
  const dec = bufferIo();
  assert.is(await run(["decode", "--hash-key", "k", "--name", name, cookie], dec), 0);
  assert.match(dec.stdout, /"level"\s+int8\s+-2/);
  assert.match(dec.stdout, /"big"\s+uint64\s+0xffffffffffffffff/);
});

t("bad hints and values are usage errors that say what is expected", async () => {
  const cases: [string, RegExp][] = [
    ['{"a": {"$int8": 300}}', /a: gob: value does not fit Go type int8/],
    ['{"a": {"$int": "x"}}', /a: \$int needs an integer/],
    ['{"a": {"$when": 1}}', /unknown type hint \$when/],
    ['{"a": {"$time": "yesterday"}}', /an RFC 3339 time/],
    ["[1]", /must be a JSON object/],
    ["{", /VALUES is not JSON/],
  ];
  for (const [json, msg] of cases) {
    const io = bufferIo();
    assert.is(await run(["encode", "--hash-key", "k", json], io), 2, json);
    assert.match(io.stderr, msg);
  }
});

t("a session over MaxLength: exit 1 with Go's error", async () => {
  const io = bufferIo();
  const big = JSON.stringify({ s: "x".repeat(5000) });
  assert.is(await run(["encode", "--hash-key", "k", big], io), 1);
  assert.match(io.stderr, /securecookie: the value is too long: \d+/);
});

t.run();
