/**
 * The gob codec alone: encode and decode of a typical session (8 keys: strings, ints, a bool,
 * a `_flash` list; the session of codec.bench.ts), as the GobEncoder of securecookie runs them.
 *
 *     npx tsx bench/gob.bench.ts
 *
 * Verifies first that decode(encode(x)) deep-equals x and that decode gives back a Map, and
 * exits non-zero when not. Then measures encode, decode, and encode+decode: warm-up, then
 * BENCH_ROUNDS rounds of BENCH_ROUND_MS each, reporting the median round. Target (reported,
 * not failed): encode+decode ≤ 3 µs, leaving the securecookie codec its 15 µs budget.
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | BENCH_ROUNDS | 5 | measured rounds (the median is reported) |
 * | BENCH_ROUND_MS | 300 | length of a round |
 * | BENCH_WARMUP_MS | 300 | warm-up before each measurement |
 */
import { isDeepStrictEqual } from "node:util";
import { decode, encode } from "../src/gob/index.ts";
import { typicalSession } from "./servers/shared/typicalSession.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 300);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 300);
const TARGET_US = 3;

const session = new Map<unknown, unknown>(typicalSession);

interface Timing {
  /** Wall-clock ns per call. */
  wall: number;
  /** CPU ns per call (user + system of this process): steadier on a shared machine. */
  cpu: number;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** ns per call of `f`, median of ROUNDS rounds after a warm-up. */
function measure(f: () => void): Timing {
  const until = performance.now() + WARMUP_MS;
  while (performance.now() < until) for (let i = 0; i < 100; i++) f();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    let n = 0;
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const stop = start + ROUND_MS;
    let now = start;
    while (now < stop) {
      for (let i = 0; i < 100; i++) f();
      n += 100;
      now = performance.now();
    }
    const used = process.cpuUsage(cpuStart);
    wall.push(((now - start) * 1e6) / n);
    cpu.push(((used.user + used.system) * 1e3) / n);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

const bytes = encode(session);
const back = decode(bytes);
if (!(back instanceof Map) || !isDeepStrictEqual(back, session)) {
  console.error("gob bench: decode(encode(session)) differs from the session:", back);
  process.exit(1);
}

let sink = 0;
const results = {
  encode: measure(() => {
    sink += encode(session).length;
  }),
  decode: measure(() => {
    sink += (decode(bytes) as Map<unknown, unknown>).size;
  }),
  "encode+decode": measure(() => {
    sink += (decode(encode(session)) as Map<unknown, unknown>).size;
  }),
};

console.log(
  `gob codec, a ${session.size}-key session (${bytes.length} bytes), median of ${ROUNDS} rounds`,
);
console.log(`  ${"".padEnd(14)} ${"µs/op".padStart(6)}  ${"ops/s".padStart(10)}  CPU µs/op`);
for (const [name, t] of Object.entries(results)) {
  const ops = Math.round(1e9 / t.wall).toLocaleString("en-US");
  const wall = (t.wall / 1000).toFixed(2).padStart(6);
  console.log(
    `  ${name.padEnd(14)} ${wall}  ${ops.padStart(10)}  ${(t.cpu / 1000).toFixed(2).padStart(9)}`,
  );
}
const total = results["encode+decode"].wall / 1000;
console.log(
  `  target encode+decode ≤ ${TARGET_US} µs: ${total <= TARGET_US ? "met" : "NOT met"} (${total.toFixed(2)} µs)`,
);
if (sink === 0) console.log("");
