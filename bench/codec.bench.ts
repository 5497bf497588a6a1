/**
 * The cookie codec: Encode then Decode of a typical session (8 keys: strings, ints, a bool,
 * a `_flash` list) with an AES-256 block key and HMAC-SHA256, here and in Go
 * (gorilla/securecookie v1.1.2, compat/securecookiebench) on the same values, in the same
 * run. Once with the default GobEncoder (a Map session), once with JSONEncoder (a plain
 * object).
 *
 *     npx tsx bench/codec.bench.ts
 *
 * Verifies first that Decode(Encode(x)) deep-equals x (the Go benchmark checks its own) and
 * exits non-zero when it does not. Then measures: warm-up, then BENCH_ROUNDS rounds of
 * BENCH_ROUND_MS each, reporting the median round. Targets (reported, not failed):
 * Encode+Decode ≤ 15 µs and ≤ 1.5× Go's ns/op.
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | BENCH_ROUNDS | 5 | measured rounds (the median is reported) |
 * | BENCH_ROUND_MS | 400 | length of a round |
 * | BENCH_WARMUP_MS | 500 | warm-up before each measurement |
 * | BENCH_GO_BENCHTIME | 500ms | Go's -benchtime |
 * | BENCH_GO_COUNT | 3 | Go's -count (the median run is reported) |
 * | BENCH_SERIALIZERS | gob,json | the serializers to run |
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import {
  GobEncoder,
  JSONEncoder,
  New,
  type SecureCookie,
  type Serializer,
} from "../src/securecookie/index.ts";
import { typicalSession } from "./servers/shared/typicalSession.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 400);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 500);
const GO_BENCHTIME = process.env.BENCH_GO_BENCHTIME ?? "500ms";
const GO_COUNT = process.env.BENCH_GO_COUNT ?? "3";
const TARGET_US = 15;
const TARGET_RATIO = 1.5;

// The keys of compat/securecookiebench/codec_test.go (its session: typicalSession).
const hashKey = Buffer.from("bench-hash-key-0123456789abcdef0");
const blockKey = Buffer.from("bench-aes-256-key-0123456789abcd");

interface Variant {
  id: "gob" | "json";
  serializer: () => Serializer;
  value: unknown;
}

const only = (process.env.BENCH_SERIALIZERS ?? "gob,json").split(",");
const variants: Variant[] = (
  [
    { id: "gob", serializer: () => new GobEncoder(), value: new Map(typicalSession) },
    { id: "json", serializer: () => new JSONEncoder(), value: Object.fromEntries(typicalSession) },
  ] as Variant[]
).filter((v) => only.includes(v.id));

function roundTrip(s: SecureCookie, value: unknown): unknown {
  return s.Decode("session", s.Encode("session", value));
}

/** ns per call of `f`, median of ROUNDS rounds after a warm-up. */
function measure(f: () => void): { nsPerOp: number; opsPerSec: number } {
  const until = performance.now() + WARMUP_MS;
  while (performance.now() < until) for (let i = 0; i < 100; i++) f();
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    let n = 0;
    const start = performance.now();
    let now = start;
    while (now - start < ROUND_MS) {
      for (let i = 0; i < 200; i++) f();
      n += 200;
      now = performance.now();
    }
    rounds.push(((now - start) * 1e6) / n);
  }
  rounds.sort((a, b) => a - b);
  const nsPerOp = rounds[Math.floor(rounds.length / 2)];
  return { nsPerOp, opsPerSec: 1e9 / nsPerOp };
}

/** Go's ns/op by sub-benchmark ("gob", "json"), the median of its runs; null without Go. */
function goBench(): Map<string, number> | null {
  const compat = fileURLToPath(new URL("../compat/", import.meta.url));
  let out: string;
  try {
    out = execFileSync(
      "go",
      [
        "test",
        "-run",
        "^$",
        "-bench",
        ".",
        "-benchtime",
        GO_BENCHTIME,
        "-count",
        GO_COUNT,
        "./securecookiebench",
      ],
      { cwd: compat, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
    );
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { status?: number };
    if (err.code === "ENOENT") {
      console.log("SKIPPED: the Go benchmark (`go` not found): no TS/Go ratio");
      return null;
    }
    throw new Error(`the Go benchmark failed (exit ${err.status}): its check or build broke`);
  }
  const runs = new Map<string, number[]>();
  for (const m of out.matchAll(/^BenchmarkCodec\/(\w+)(?:-\d+)?\s+\d+\s+([\d.]+) ns\/op/gm)) {
    runs.set(m[1], [...(runs.get(m[1]) ?? []), Number(m[2])]);
  }
  const results = new Map<string, number>();
  for (const [id, ns] of runs) {
    ns.sort((a, b) => a - b);
    results.set(id, ns[Math.floor(ns.length / 2)]);
  }
  return results;
}

let failed = false;

// 1. Verify our own output.
for (const v of variants) {
  const s = New(hashKey, blockKey).SetSerializer(v.serializer());
  let got: unknown;
  try {
    got = roundTrip(s, v.value);
  } catch (e) {
    console.log(`FAIL ${v.id}: ${(e as Error).message}`);
    failed = true;
    continue;
  }
  if (!isDeepStrictEqual(got, v.value)) {
    console.log(`FAIL ${v.id}: Decode(Encode(x)) is not x:`, got);
    failed = true;
  }
}
if (failed) process.exit(1);

// 2. Go on the same values (it verifies its own round trip).
const go = goBench();

// 3. Measure.
console.log(
  "codec: Encode+Decode, AES-256 + HMAC-SHA256, 8-key session (median of %d × %d ms)",
  ROUNDS,
  ROUND_MS,
);
console.log(
  "%s  %s  %s  %s  %s  %s",
  "serializer".padEnd(10),
  "ops/s".padStart(9),
  "µs/op".padStart(7),
  "encode µs".padStart(9),
  "Go µs/op".padStart(8),
  "TS/Go".padStart(6),
);
const verdicts: string[] = [];
for (const v of variants) {
  const s = New(hashKey, blockKey).SetSerializer(v.serializer());
  const both = measure(() => roundTrip(s, v.value));
  const enc = measure(() => s.Encode("session", v.value));
  const goNs = go?.get(v.id) ?? null;
  const ratio = goNs === null ? null : both.nsPerOp / goNs;
  console.log(
    "%s  %s  %s  %s  %s  %s",
    v.id.padEnd(10),
    Math.round(both.opsPerSec).toString().padStart(9),
    (both.nsPerOp / 1000).toFixed(2).padStart(7),
    (enc.nsPerOp / 1000).toFixed(2).padStart(9),
    (goNs === null ? "-" : (goNs / 1000).toFixed(2)).padStart(8),
    (ratio === null ? "-" : `${ratio.toFixed(2)}×`).padStart(6),
  );
  const us = both.nsPerOp / 1000;
  verdicts.push(
    `${us <= TARGET_US ? "PASS" : "MISS"} ${v.id}: ${us.toFixed(2)} µs ≤ ${TARGET_US} µs`,
    ratio === null
      ? `SKIP ${v.id}: ≤ ${TARGET_RATIO}× Go (no Go figure)`
      : `${ratio <= TARGET_RATIO ? "PASS" : "MISS"} ${v.id}: ${ratio.toFixed(2)}× Go ≤ ${TARGET_RATIO}×`,
  );
}
console.log(verdicts.join("\n"));
