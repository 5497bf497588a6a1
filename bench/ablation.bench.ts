/**
 * Speed-trick ablation: each piece of speed machinery in `src/securecookie/fast` timed side by side
 * with the plain `node:crypto` / `Buffer` code it replaces, on the same inputs (a cookie of the
 * HTTP benchmark's size: the counter session, AES-256-CTR + HMAC-SHA256, under the benchmark
 * keys). Before timing, each pair must give identical output (or, for the random IVs, output
 * that the other side decrypts); a mismatch fails the run.
 *
 *     npx tsx bench/ablation.bench.ts
 *
 * Rounds alternate trick and plain (in ABBA order), so a neighbour's load weighs on both; each
 * round times a batch of calls of each. Reported per trick: the median time per call of each,
 * the gain (plain − trick, per call, as a share of plain, and for the calls one request of the
 * cookie store's counter route makes), plain / trick, and whether the gain is within noise: its interquartile
 * range over the rounds includes zero, or the gain per request is under `NOISE_US` (a
 * hundredth of the cookie store's server CPU per request, about 25–35 µs).
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | BENCH_ROUNDS | 21 | measured rounds per trick |
 * | BENCH_ROUND_MS | 20 | target milliseconds per batch (the batch size is calibrated) |
 * | BENCH_ONLY | all | comma-separated parts of trick names to run (`AES,HMAC`) |
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  randomFillSync,
} from "node:crypto";
import { AesBlock } from "../src/securecookie/fast/AesBlock.ts";
import { Hmac } from "../src/securecookie/fast/Hmac.ts";
import { fillRandom } from "../src/securecookie/fast/randomPool.ts";
import { sha256 } from "../src/securecookie/fast/Sha256.ts";
import { blockKey32, hashKey32 } from "./servers/shared/keys.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 21);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 20);
/** A gain per request below this many µs is within noise whatever its spread. */
const NOISE_US = 0.3;
const ONLY = (process.env.BENCH_ONLY ?? "").split(",").filter(Boolean);

// ---------------------------------------------------------------------------------------------
// Inputs: the pieces of a cookie of the HTTP benchmark's size (172 characters)

const NAME = "mysession";
/** The gob payload of the counter session (its length; the bytes matter to no trick here). */
const GOB = randomBytes(47);
/** IV + AES-256-CTR ciphertext of the payload: what securecookie base64-encodes and signs. */
const SEALED = (() => {
  const iv = randomBytes(16);
  const c = createCipheriv("aes-256-ctr", blockKey32, iv);
  return Buffer.concat([iv, c.update(GOB), c.final()]);
})();
const DATE = "1796472149";
/** `date "|" base64(sealed)`: the rest of the MAC's message after `name "|"`. */
const REST = Buffer.from(`${DATE}|${base64Url(SEALED)}`, "latin1");

function base64Url(b: Uint8Array): string {
  const s = Buffer.from(b).toString("base64url");
  return s + "=".repeat((4 - (s.length % 4)) % 4);
}

// ---------------------------------------------------------------------------------------------
// The tricks and their plain alternatives

interface Case {
  name: string;
  /** What the trick is, and what it is compared with. */
  trickIs: string;
  plainIs: string;
  /** Calls per request of the cookie store's counter route (decode + encode). */
  perRequest: number;
  trick: () => number;
  plain: () => number;
  /** Null when both sides agree; else what differs. */
  check: () => string | null;
}

const sink = { n: 0 };
const equal = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;

// HMAC-SHA256 -----------------------------------------------------------------------------

const hmac = new Hmac("sha256", hashKey32);
const macOut = new Uint8Array(32);
/** The trick: `prepare`, the rest written where it is hashed, `sumMessage` (WebAssembly). */
function hmacTrick(): number {
  const at = hmac.prepare(NAME, REST.length);
  hmac.message.set(REST, at);
  hmac.sumMessage(REST.length, macOut, 0);
  return macOut[0];
}

/** The plain HMAC: one `createHmac` per MAC. */
function hmacPlain(): number {
  return createHmac("sha256", hashKey32).update(`${NAME}|`).update(REST).digest()[0];
}

const hmacReference = () =>
  createHmac("sha256", hashKey32).update(`${NAME}|`).update(REST).digest();

// AES-256-CTR ---------------------------------------------------------------------------------

const aes = new AesBlock(blockKey32);
const aesWork = Buffer.alloc(SEALED.length);

function decryptTrick(): number {
  aesWork.set(SEALED);
  aes.xorKeyStream(aesWork, 0, SEALED.length - 16);
  return aesWork[16];
}

function decryptPlain(): number {
  aesWork.set(SEALED);
  const d = createDecipheriv("aes-256-ctr", blockKey32, aesWork.subarray(0, 16));
  const plain = d.update(aesWork.subarray(16));
  d.final();
  return plain[0];
}

const sealOut = Buffer.alloc(16 + GOB.length);
function encryptTrick(): number {
  sealOut.set(GOB, 16);
  aes.encryptFresh(sealOut, 0, GOB.length);
  return sealOut[16];
}

function encryptPlain(): number {
  const iv = randomBytes(16);
  const c = createCipheriv("aes-256-ctr", blockKey32, iv);
  const sealed = Buffer.concat([iv, c.update(GOB), c.final()]);
  return sealed[16];
}

function openPlain(sealed: Uint8Array): Buffer {
  const d = createDecipheriv("aes-256-ctr", blockKey32, sealed.subarray(0, 16));
  return Buffer.concat([d.update(sealed.subarray(16)), d.final()]);
}

// randomPool ------------------------------------------------------------------------------------

const ivOut = Buffer.alloc(16);
function randomTrick(): number {
  fillRandom(ivOut, 0, 16);
  return ivOut[0];
}

function randomPlain(): number {
  randomFillSync(ivOut, 0, 16);
  return ivOut[0];
}

function looksRandom(fill: () => number): boolean {
  const seen = new Set<string>();
  for (let i = 0; i < 64; i++) {
    fill();
    seen.add(ivOut.toString("hex"));
  }
  return seen.size === 64;
}

// ---------------------------------------------------------------------------------------------

const CASES: Case[] = [
  {
    name: "HMAC-SHA256 in WebAssembly (Hmac, Sha256)",
    trickIs: "Hmac: pad states once, message in place, SHA-256 in WebAssembly",
    plainIs: "createHmac per MAC",
    perRequest: 2,
    trick: hmacTrick,
    plain: hmacPlain,
    check: () => {
      hmacTrick();
      return equal(macOut, hmacReference()) ? null : "MACs differ";
    },
  },
  {
    name: "AES-CTR decrypt (AesBlock)",
    trickIs: "one ECB cipher per key, counter blocks in a reused buffer",
    plainIs: "createDecipheriv aes-256-ctr per cookie",
    perRequest: 1,
    trick: decryptTrick,
    plain: decryptPlain,
    check: () => {
      decryptTrick();
      const mine = Buffer.from(aesWork.subarray(16));
      return equal(mine, GOB) && equal(openPlain(SEALED), GOB) ? null : "plaintexts differ";
    },
  },
  {
    name: "AES-CTR encrypt, fresh IV (AesBlock)",
    trickIs: "IVs and key streams drawn 64 at a time",
    plainIs: "randomBytes(16) + createCipheriv aes-256-ctr per cookie",
    perRequest: 1,
    trick: encryptTrick,
    plain: encryptPlain,
    check: () => {
      encryptTrick();
      const viaPlain = openPlain(sealOut);
      const iv = randomBytes(16);
      const c = createCipheriv("aes-256-ctr", blockKey32, iv);
      const other = Buffer.concat([iv, c.update(GOB), c.final()]);
      aes.xorKeyStream(other, 0, GOB.length);
      return equal(viaPlain, GOB) && equal(other.subarray(16), GOB) ? null : "round trip fails";
    },
  },
  {
    name: "random IV bytes (randomPool)",
    trickIs: "fillRandom from a 4 KiB pool",
    plainIs: "randomFillSync per IV",
    // Only values over 128 bytes take their IV from the pool; the counter's come from
    // AesBlock's batches.
    perRequest: 0,
    trick: randomTrick,
    plain: randomPlain,
    check: () =>
      looksRandom(randomTrick) && looksRandom(randomPlain) ? null : "repeated random bytes",
  },
];

// ---------------------------------------------------------------------------------------------
// Timing

function runBatch(fn: () => number, n: number): number {
  let acc = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) acc += fn();
  const ns = Number(process.hrtime.bigint() - t0);
  sink.n += acc;
  return ns / n;
}

/** A batch size taking about ROUND_MS for the slower of the two. */
function calibrate(a: () => number, b: () => number): number {
  let n = 1000;
  for (;;) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) sink.n += a() + b();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (ms > ROUND_MS / 4) return Math.max(1000, Math.round((n * ROUND_MS) / ms / 2));
    n *= 4;
  }
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((x, y) => x - y);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.ceil(pos)] - s[lo]) * (pos - lo);
}

interface Result {
  name: string;
  trickNs: number;
  plainNs: number;
  gainNs: number;
  gainIqrNs: [number, number];
  ratio: number;
  perRequest: number;
  gainPerRequestUs: number;
  withinNoise: boolean;
}

if (sha256 === null) {
  console.error("WebAssembly is unavailable here: the SHA-256 trick cannot be measured");
  process.exit(1);
}

const selected = CASES.filter((c) => !ONLY.length || ONLY.some((part) => c.name.includes(part)));
let failed = false;
for (const c of selected) {
  const wrong = c.check();
  if (wrong) {
    console.error(`FAILED ${c.name.trim()}: ${wrong}`);
    failed = true;
  }
}
if (failed) process.exit(1);

console.log(
  `speed tricks against their plain alternatives, node ${process.version}, ${ROUNDS} rounds ` +
    `of ~${ROUND_MS} ms each side (medians; gain = plain - trick)`,
);
console.log(
  `${"trick".padEnd(46)}${"trick ns".padStart(10)}${"plain ns".padStart(10)}` +
    `${"gain ns".padStart(9)}${"gain IQR".padStart(14)}${"gain %".padStart(8)}` +
    `${"plain/trick".padStart(12)}${"calls/req".padStart(10)}${"µs/req".padStart(8)}  verdict`,
);

const results: Result[] = [];
for (const c of selected) {
  const n = calibrate(c.trick, c.plain);
  for (let i = 0; i < 3; i++) {
    runBatch(c.trick, n); // warm-up
    runBatch(c.plain, n);
  }
  const trick: number[] = [];
  const plain: number[] = [];
  const gains: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    let t: number;
    let p: number;
    if (r % 2 === 0) {
      t = runBatch(c.trick, n);
      p = runBatch(c.plain, n);
    } else {
      p = runBatch(c.plain, n);
      t = runBatch(c.trick, n);
    }
    trick.push(t);
    plain.push(p);
    gains.push(p - t);
  }
  const trickNs = quantile(trick, 0.5);
  const plainNs = quantile(plain, 0.5);
  const gainNs = quantile(gains, 0.5);
  const iqr: [number, number] = [quantile(gains, 0.25), quantile(gains, 0.75)];
  const gainPerRequestUs = (gainNs * c.perRequest) / 1000;
  const spansZero = iqr[0] <= 0 && iqr[1] >= 0;
  const withinNoise = spansZero || Math.abs(gainPerRequestUs) < NOISE_US;
  results.push({
    name: c.name.trim(),
    trickNs,
    plainNs,
    gainNs,
    gainIqrNs: iqr,
    ratio: plainNs / trickNs,
    perRequest: c.perRequest,
    gainPerRequestUs,
    withinNoise,
  });
  const verdict =
    c.perRequest === 0
      ? "not on the counter route"
      : spansZero
        ? "within noise (IQR spans 0)"
        : Math.abs(gainPerRequestUs) < NOISE_US
          ? `within noise (< ${NOISE_US} µs/request)`
          : "real gain";
  console.log(
    `${c.name.padEnd(46)}${trickNs.toFixed(0).padStart(10)}${plainNs.toFixed(0).padStart(10)}` +
      `${gainNs.toFixed(0).padStart(9)}${`${iqr[0].toFixed(0)}..${iqr[1].toFixed(0)}`.padStart(14)}` +
      `${`${((100 * gainNs) / plainNs).toFixed(0)}%`.padStart(8)}` +
      `${`${(plainNs / trickNs).toFixed(2)}x`.padStart(12)}${String(c.perRequest).padStart(10)}` +
      `${gainPerRequestUs.toFixed(2).padStart(8)}  ${verdict}`,
  );
}
console.log("");
for (const c of selected) console.log(`${c.name.trim()}: ${c.trickIs} | vs ${c.plainIs}`);
