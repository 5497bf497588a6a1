/**
 * The serializers against Go: the Go peer (compat/cmd/peer, hertz-contrib/sessions on a
 * Redis store with `-serializer json|msgpack|gob`) writes session values to Redis; the bytes
 * are read here, and bytes written here are read by Go (GET /dump prints the Go types), and
 * random values written here come back unchanged after Go has read and saved them.
 */
import fc from "fast-check";
import { Redis } from "ioredis";
import * as assert from "uvu/assert";
import { GobSerializer } from "../../src/serializers/GobSerializer.ts";
import { JSONSerializer } from "../../src/serializers/JSONSerializer.ts";
import { MsgpackSerializer } from "../../src/serializers/MsgpackSerializer.ts";
import type { SessionSerializer as Serializer } from "../../src/serializers/SessionSerializer.ts";
import { GorillaSession } from "../../src/sessions/GorillaSession.ts";
import { CookieJar } from "../support/cookieJar.ts";
import { liveRedis } from "../support/liveRedis.ts";
import { MemoryStore } from "../support/memoryStore.ts";
import type { Peer } from "../support/peer.ts";

type Typed = { t: string; v?: unknown };

/** A value Go sets (`GET /set?type=&value=`) and the JavaScript value it stands for. */
interface Case {
  type: string;
  value: string;
  js: unknown;
}

const common: Case[] = [
  { type: "int", value: "1", js: 1 },
  { type: "int", value: "-1", js: -1 },
  { type: "int", value: "200", js: 200 },
  { type: "int", value: "-200", js: -200 },
  { type: "int", value: "70000", js: 70000 },
  { type: "int", value: "1099511627776", js: 2 ** 40 },
  { type: "float64", value: "0.5", js: 0.5 },
  { type: "string", value: "<ü & ✓>", js: "<ü & ✓>" },
  { type: "bool", value: "true", js: true },
  { type: "nil", value: "", js: null },
  { type: "strings", value: "a,b", js: ["a", "b"] },
  { type: "map", value: '{"b":1.5,"a":"x"}', js: { a: "x", b: 1.5 } },
];

const bytesCase: Case = { type: "bytes", value: "AAEC/w==", js: new Uint8Array([0, 1, 2, 255]) };
const timeCase: Case = {
  type: "time",
  value: "2024-02-29T12:30:45.123Z",
  js: new Date(Date.UTC(2024, 1, 29, 12, 30, 45, 123)),
};

function session(entries: [unknown, unknown][] = []): GorillaSession {
  const s = GorillaSession.New(new MemoryStore(), "mysession");
  s.Values = new Map(entries);
  return s;
}

/**
 * Random session values of the JavaScript forms a serializer writes: JSON has no bytes, times
 * or bigints; gob and msgpack have them all.
 */
function randomValues(name: "json" | "msgpack" | "gob") {
  const leaves: fc.Arbitrary<unknown>[] = [
    fc.string({ unit: "binary", maxLength: 8 }),
    name === "json"
      ? fc.double({ noNaN: true, noDefaultInfinity: true })
      : fc.oneof(fc.integer(), fc.double(), fc.maxSafeInteger()),
    fc.boolean(),
    fc.constant(null),
  ];
  if (name !== "json") {
    leaves.push(
      fc.uint8Array({ maxLength: 6 }),
      fc.date({ noInvalidDate: true, min: new Date(-2e13), max: new Date(2e13) }),
      fc.bigInt({ min: -(2n ** 63n), max: 2n ** 64n - 1n }),
    );
  }
  const { tree } = fc.letrec((tie) => ({
    tree: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.oneof(...leaves),
      fc.array(tie("tree"), { maxLength: 4 }),
      fc.dictionary(fc.string({ maxLength: 5 }), tie("tree"), {
        maxKeys: 4,
        noNullPrototype: true,
      }),
    ),
  }));
  return fc.array(tree, { minLength: 1, maxLength: 4 });
}

/** A value as it reads back: integers that fit a number exactly come back as numbers. */
function readBack(v: unknown): unknown {
  if (typeof v === "bigint") return v >= -(2n ** 53n) && v <= 2n ** 53n ? Number(v) : v;
  if (Array.isArray(v)) return v.map(readBack);
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, readBack(x)]));
  if (typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, readBack(x)]));
  }
  return v;
}

function live(
  name: "json" | "msgpack" | "gob",
  ser: Serializer,
  cases: Case[],
  goTypes: Record<string, string>,
) {
  const { T: t, liveTest } = liveRedis(
    `serializers vs Go peer: ${name}`,
    async ({ addr, redis, startPeer, defer }) => {
      const peer = await startPeer(["-store", "redis", "-redis", addr, "-serializer", name]);
      const client = new Redis({ host: "127.0.0.1", port: redis.port, lazyConnect: true });
      defer(async () => client.disconnect());
      return { peer, client };
    },
  );
  type Live = { peer: Peer; client: Redis };

  /** A Go session holding `key` = the case's value: its Redis bytes and its jar. */
  async function goWrites(
    { peer, client }: Live,
    c: Case,
  ): Promise<{ bytes: Buffer; jar: CookieJar; id: string }> {
    const jar = new CookieJar();
    const q = new URLSearchParams({ key: "k", type: c.type, value: c.value });
    const res = await jar.fetch(`${peer.url}/set?${q}`);
    assert.is(res.status, 200, await res.text());
    const { id } = (await (await jar.fetch(`${peer.url}/id`)).json()) as { id: string };
    const bytes = await client.getBuffer(`session_${id}`);
    assert.ok(bytes, "Go stored the session");
    return { bytes: bytes!, jar, id };
  }

  if (name === "gob") {
    // Not compared as bytes: Go numbers gob types per process (the peer registers its structs
    // first), so Go's own bytes for a []string differ between processes.
    liveTest(
      "Go's values read and written back unchanged read the same in Go (types kept)",
      async (live) => {
        const { peer, client } = live;
        for (const c of cases) {
          const { jar, id } = await goWrites(live, c);
          const before = await (await jar.fetch(`${peer.url}/dump`)).json();
          const s = session();
          ser.Deserialize((await client.getBuffer(`session_${id}`))!, s);
          await client.set(`session_${id}`, Buffer.from(ser.Serialize(s)), "EX", 600);
          const after = await (await jar.fetch(`${peer.url}/dump`)).json();
          assert.equal(after, before, `${c.type} ${c.value}`);
        }
      },
    );
  }

  liveTest(
    "Go's bytes read as the JavaScript values, and the same values write Go's bytes",
    async (live) => {
      if (name === "gob") return;
      for (const c of cases) {
        const { bytes } = await goWrites(live, c);
        const s = session();
        ser.Deserialize(bytes, s);
        const got = s.Values.get("k");
        const label = `${c.type} ${c.value}`;
        if (c.js instanceof Uint8Array && name === "msgpack") {
          assert.equal(Array.from(got as Uint8Array), Array.from(c.js), label);
        } else if (c.js instanceof Date && name === "msgpack") {
          assert.is((got as Date).getTime(), c.js.getTime(), label);
        } else if (!(c.js instanceof Uint8Array) && !(c.js instanceof Date)) {
          assert.equal(got, c.js, label);
        }
        // Go writes a msgpack map in random order: only its decoded value compares.
        if (name === "msgpack" && c.type === "map") continue;
        assert.is(
          Buffer.from(ser.Serialize(session([["k", c.js]]))).toString("hex"),
          bytes.toString("hex"),
          label,
        );
      }
    },
  );

  liveTest("values written here are read by Go with the documented Go types", async (live) => {
    const { peer, client } = live;
    const { jar, id } = await goWrites(live, common[0]);
    const fresh = cases.filter((c) => c.js !== undefined);
    const entries = fresh.map((c, i): [string, unknown] => [`k${i}`, c.js]);
    await client.set(`session_${id}`, Buffer.from(ser.Serialize(session(entries))), "EX", 600);
    const dump = (await (await jar.fetch(`${peer.url}/dump`)).json()) as Typed;
    assert.is(dump.t, "map[interface {}]interface {}");
    const got = new Map((dump.v as Array<[Typed, Typed]>).map(([k, v]) => [String(k.v), v]));
    fresh.forEach((c, i) => {
      assert.is(got.get(`k${i}`)?.t, goTypes[`${c.type} ${c.value}`], `${c.type} ${c.value}`);
    });
  });

  liveTest(
    "random values written here, read and saved by Go (adding a flash), read back unchanged",
    async (live) => {
      const { peer, client } = live;
      const { jar, id } = await goWrites(live, common[0]);
      await fc.assert(
        fc.asyncProperty(randomValues(name), async (values) => {
          const written = session(values.map((v, i): [string, unknown] => [`k${i}`, v]));
          await client.set(`session_${id}`, Buffer.from(ser.Serialize(written)), "EX", 600);
          const res = await jar.fetch(`${peer.url}/flash?msg=x`);
          assert.is(res.status, 200, await res.text());
          const back = session();
          ser.Deserialize((await client.getBuffer(`session_${id}`))!, back);
          assert.ok(back.Values.delete("_flash"), "Go saved the session");
          assert.equal(back.Values, readBack(written.Values));
        }),
        { numRuns: 150 },
      );
    },
  );

  return t;
}

live("json", new JSONSerializer(), [...common, bytesCase, timeCase], {
  "int 1": "float64",
  "int -1": "float64",
  "int 200": "float64",
  "int -200": "float64",
  "int 70000": "float64",
  "int 1099511627776": "float64",
  "float64 0.5": "float64",
  "string <ü & ✓>": "string",
  "bool true": "bool",
  "nil ": "nil",
  "strings a,b": "[]interface {}",
  'map {"b":1.5,"a":"x"}': "map[string]interface {}",
  "bytes AAEC/w==": "string",
  "time 2024-02-29T12:30:45.123Z": "string",
}).run();

live("msgpack", new MsgpackSerializer(), [...common, bytesCase, timeCase], {
  "int 1": "int8",
  "int -1": "int8",
  "int 200": "uint8",
  "int -200": "int16",
  "int 70000": "uint32",
  "int 1099511627776": "uint64",
  "float64 0.5": "float64",
  "string <ü & ✓>": "string",
  "bool true": "bool",
  "nil ": "nil",
  "strings a,b": "[]interface {}",
  'map {"b":1.5,"a":"x"}': "map[string]interface {}",
  "bytes AAEC/w==": "[]uint8",
  "time 2024-02-29T12:30:45.123Z": "time.Time",
}).run();

live(
  "gob",
  new GobSerializer(),
  [
    ...common.filter((c) => c.type !== "strings" && c.type !== "map"),
    bytesCase,
    timeCase,
    { type: "int8", value: "-5", js: -5 },
    // js: the fresh value written to Go (a bigint is an int64).
    { type: "uint64", value: "18446744073709551615", js: 2n ** 62n },
    { type: "float32", value: "1.5", js: 1.5 },
    { type: "strings", value: "a,b", js: ["a", "b"] },
    { type: "map", value: '{"b":1.5,"a":"x"}', js: { a: "x", b: 1.5 } },
    { type: "point", value: '{"X":1,"Y":-2,"W":0.5}', js: undefined },
  ],
  {
    "int 1": "int",
    "int -1": "int",
    "int 200": "int",
    "int -200": "int",
    "int 70000": "int",
    "int 1099511627776": "int",
    "float64 0.5": "float64",
    "string <ü & ✓>": "string",
    "bool true": "bool",
    "nil ": "nil",
    "bytes AAEC/w==": "[]uint8",
    "time 2024-02-29T12:30:45.123Z": "time.Time",
    "int8 -5": "int",
    "uint64 18446744073709551615": "int64",
    "float32 1.5": "float64",
    "strings a,b": "[]interface {}",
    'map {"b":1.5,"a":"x"}': "map[string]interface {}",
  },
).run();
