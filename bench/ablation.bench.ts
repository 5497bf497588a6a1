/**
 * Speed-trick ablation: each piece of speed machinery in `src/securecookie` timed side by side
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
  hash as oneShotHash,
  randomBytes,
  randomFillSync,
} from "node:crypto";
import { AesBlock } from "../src/securecookie/AesBlock.ts";
import { urlDecode, urlEncodeInto } from "../src/securecookie/base64.ts";
import { Hmac } from "../src/securecookie/Hmac.ts";
import { parseInt64 } from "../src/securecookie/parseInt64.ts";
import { fillRandom } from "../src/securecookie/randomPool.ts";
import { Scratch } from "../src/securecookie/Scratch.ts";
import { sha256 } from "../src/securecookie/Sha256.ts";
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
/** The base64 bytes of the sealed value, as decoding finds them inside the cookie. */
const B64 = Buffer.from(base64Url(SEALED), "latin1");

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

// The same pads, precomputed once, hashed by two native one-shot hashes instead of
// WebAssembly: what Hmac does where WebAssembly is unavailable.
const ipad = Buffer.alloc(64, 0x36);
const outer = Buffer.alloc(64 + 32, 0x5c);
for (let i = 0; i < hashKey32.length; i++) {
  ipad[i] ^= hashKey32[i];
  outer[i] ^= hashKey32[i];
}
const nativeBuf = Buffer.alloc(64 + NAME.length + 1 + REST.length);
const nativeOut = new Uint8Array(32);
function hmacNativePads(): number {
  ipad.copy(nativeBuf, 0);
  let n = 64 + nativeBuf.write(NAME, 64, "latin1");
  nativeBuf[n++] = 0x7c;
  nativeBuf.set(REST, n);
  const inner = oneShotHash("sha256", nativeBuf, "buffer");
  inner.copy(outer, 64);
  nativeOut.set(oneShotHash("sha256", outer, "buffer"));
  return nativeOut[0];
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

// base64 ----------------------------------------------------------------------------------------

const b64Out = Buffer.alloc(B64.length + 8);
function encodeTrick(): number {
  urlEncodeInto(SEALED, SEALED.length, b64Out, 4);
  return b64Out[4];
}

function encodePlain(): number {
  b64Out.write(base64Url(SEALED), 4, "latin1");
  return b64Out[4];
}

/** The alphabet check Go's decoder makes, which Node's lenient decoder skips. */
const URL_BASE64 = /^[A-Za-z0-9_-]*={0,2}$/;

function decodeTrick(): number {
  return urlDecode(B64, 0, B64.length)[0];
}

function decodePlainChecked(): Buffer | null {
  const s = B64.toString("latin1", 0, B64.length);
  return s.length % 4 === 0 && URL_BASE64.test(s) ? Buffer.from(s, "base64url") : null;
}

function decodePlain(): number {
  return decodePlainChecked()![0];
}

// parseInt64 ----------------------------------------------------------------------------------

const DATE_BYTES = Buffer.from(`x${DATE}|`, "latin1");
const DIGITS = /^[+-]?[0-9]+$/;

function parseTrick(): number {
  return parseInt64(DATE_BYTES, 1, 1 + DATE.length) as number;
}

function parsePlain(): number {
  const s = DATE_BYTES.toString("latin1", 1, 1 + DATE.length);
  return DIGITS.test(s) ? Number(s) : Number.NaN;
}

// Scratch ---------------------------------------------------------------------------------------

const scratch = new Scratch();
function scratchTrick(): number {
  const buf = scratch.get(SEALED.length);
  buf.set(SEALED);
  return buf[SEALED.length - 1];
}

function scratchPlain(): number {
  const buf = Buffer.allocUnsafe(SEALED.length);
  buf.set(SEALED);
  return buf[SEALED.length - 1];
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
    name: "HMAC, all of it (Hmac)",
    trickIs: "Hmac: pads once, message in place, SHA-256 in WebAssembly",
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
    name: "  SHA-256 in WebAssembly (Sha256, wasmModule)",
    trickIs: "Hmac's WebAssembly HMAC",
    plainIs: "the same pads, two native crypto.hash one-shots",
    perRequest: 2,
    trick: hmacTrick,
    plain: hmacNativePads,
    check: () => {
      hmacTrick();
      hmacNativePads();
      return equal(macOut, nativeOut) && equal(nativeOut, hmacReference()) ? null : "MACs differ";
    },
  },
  {
    name: "  pads once + prepared message",
    trickIs: "two native one-shots on precomputed pads, message in one buffer",
    plainIs: "createHmac per MAC",
    perRequest: 2,
    trick: hmacNativePads,
    plain: hmacPlain,
    check: () => {
      hmacNativePads();
      return equal(nativeOut, hmacReference()) ? null : "MACs differ";
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
    name: "base64 encode into the message (base64)",
    trickIs: "urlEncodeInto: JavaScript loop into the buffer",
    plainIs: "toString('base64url') + padding, written into the buffer",
    perRequest: 1,
    trick: encodeTrick,
    plain: encodePlain,
    check: () => {
      encodeTrick();
      const mine = Buffer.from(b64Out.subarray(4, 4 + B64.length));
      encodePlain();
      return equal(mine, B64) && equal(b64Out.subarray(4, 4 + B64.length), B64)
        ? null
        : "encodings differ";
    },
  },
  {
    name: "base64 decode of bytes (base64)",
    trickIs: "urlDecode: JavaScript loop with Go's alphabet check",
    plainIs: "latin1 string, regex alphabet check, Buffer.from base64url",
    perRequest: 1,
    trick: decodeTrick,
    plain: decodePlain,
    check: () =>
      equal(urlDecode(B64, 0, B64.length), SEALED) && equal(decodePlainChecked()!, SEALED)
        ? null
        : "decodings differ",
  },
  {
    name: "timestamp parse (parseInt64)",
    trickIs: "parseInt64 over the bytes",
    plainIs: "latin1 string, regex check, Number()",
    perRequest: 1,
    trick: parseTrick,
    plain: parsePlain,
    check: () => (parseTrick() === parsePlain() && parseTrick() === Number(DATE) ? null : "differ"),
  },
  {
    name: "working buffer (Scratch)",
    trickIs: "Scratch.get, reused",
    plainIs: "Buffer.allocUnsafe per call",
    perRequest: 1,
    trick: scratchTrick,
    plain: scratchPlain,
    check: () => (scratchTrick() === scratchPlain() ? null : "contents differ"),
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
