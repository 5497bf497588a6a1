/**
 * Why a securecookie value decodes, or where and why it does not: the steps of gorilla's
 * `Decode` (length, base64, `date|value|mac`, MAC, timestamp, decryption, deserializing)
 * taken one at a time, with what went wrong at the first failing one and how to fix it.
 *
 * The verdict and Go's own error text come from the securecookie port (`DecodeMulti` over
 * the key pairs: Go's exact behaviour); the steps explain it.
 */
import { createDecipheriv, createHmac, timingSafeEqual } from "node:crypto";
import { decode as gobDecode } from "../gob/decode.ts";
import { GobError } from "../gob/GobError.ts";
import { urlDecode, urlDecodeString } from "../securecookie/base64.ts";
import type { HashName } from "../securecookie/fast/Hmac.ts";
import { DecodeMulti } from "../securecookie/multi.ts";
import { parseInt64, SecureCookie } from "../securecookie/SecureCookie.ts";
import { JSONEncoder } from "../securecookie/serializers.ts";
import { duration } from "./duration.ts";
import { GoPrinter } from "./goString.ts";
import { needsRegister } from "./needsRegister.ts";
import { type SessionEntry, sessionEntries } from "./sessionEntries.ts";

export interface KeyPair {
  readonly hashKey: Uint8Array;
  readonly blockKey: Uint8Array | null;
}

export type CookieSerializer = "gob" | "json";

export interface CookieCheck {
  readonly name: string;
  readonly cookie: string;
  readonly pairs: readonly KeyPair[];
  /** Seconds; 0: no limit. Go's default 86400*30. */
  readonly maxAge: number;
  /** Seconds; 0: none. */
  readonly minAge: number;
  /** Bytes; 0: no limit. Go's default 4096. */
  readonly maxLength: number;
  /** Unix seconds. */
  readonly now: number;
  readonly hashFunc: HashName;
  readonly serializer: CookieSerializer;
  /** Other cookie names to try when the MAC does not verify under `name`. */
  readonly tryNames: readonly string[];
}

export type Step =
  | "keys"
  | "length"
  | "base64"
  | "format"
  | "mac"
  | "timestamp"
  | "decrypt"
  | "deserialize";

export interface Failure {
  readonly step: Step;
  /** What went wrong, in words. */
  readonly why: string;
  /** What to do about it. */
  readonly hint?: string;
}

export interface CookieReport {
  readonly ok: boolean;
  readonly name: string;
  /** The cookie's length in bytes. */
  readonly length: number;
  /** Go's error (`DecodeMulti` over the key pairs), null when it decodes. */
  readonly goError: string | null;
  readonly failure: Failure | null;
  /** The key pair whose MAC verifies, from 1. */
  readonly pair: number | null;
  /** The cookie's timestamp (Unix seconds, decimal) and its age in seconds at `now`. */
  readonly timestamp: string | null;
  readonly age: number | null;
  /** Seconds left before MaxAge refuses it (negative: expired that long ago), null: no MaxAge. */
  readonly expiresIn: number | null;
  readonly encrypted: boolean | null;
  /** Bytes of the serialized value. */
  readonly payloadBytes: number | null;
  /** The session values (a map), or the one value (a Redis store cookie's session ID). */
  readonly entries: SessionEntry[] | null;
  readonly value: { type: string; value: string } | null;
  /** Concrete types inside the values that a Go reader must `gob.Register`. */
  readonly register: string[];
  readonly notes: string[];
}

/** Names hertz-contrib/sessions' examples and common setups give the session cookie. */
export const commonNames = ["mysession", "session", "sessions", "hertz-session", "sessionid"];

const hashes: HashName[] = [
  "sha256",
  "sha1",
  "sha512",
  "sha384",
  "sha224",
  "sha512-256",
  "sha512-224",
  "md5",
  "sha3-256",
  "sha3-512",
  "sha3-384",
  "sha3-224",
];

class Builder {
  failure: Failure | null = null;
  pair: number | null = null;
  timestamp: string | null = null;
  age: number | null = null;
  expiresIn: number | null = null;
  encrypted: boolean | null = null;
  payloadBytes: number | null = null;
  entries: SessionEntry[] | null = null;
  value: { type: string; value: string } | null = null;
  register: string[] = [];
  notes: string[] = [];

  fail(step: Step, why: string, hint?: string): void {
    this.failure ??= hint === undefined ? { step, why } : { step, why, hint };
  }
}

export function explainCookie(c: CookieCheck): CookieReport {
  const r = new Builder();
  const goError = verdict(c);
  const length = Buffer.byteLength(c.cookie);
  steps(c, r, length);
  if (goError !== null && r.failure === null) {
    // The steps found nothing the codec refused: name what the codec said.
    r.fail("deserialize", goError);
  }
  return {
    ok: goError === null,
    name: c.name,
    length,
    goError,
    failure: goError === null ? null : r.failure,
    pair: r.pair,
    timestamp: r.timestamp,
    age: r.age,
    expiresIn: r.expiresIn,
    encrypted: r.encrypted,
    payloadBytes: r.payloadBytes,
    entries: r.entries,
    value: r.value,
    register: r.register,
    notes: r.notes,
  };
}

/** Go's answer: null when `DecodeMulti` over the pairs succeeds, else its error text. */
function verdict(c: CookieCheck): string | null {
  const codecs = c.pairs.map((p) => {
    const s = new SecureCookie(p.hashKey, p.blockKey)
      .MaxAge(c.maxAge)
      .MinAge(c.minAge)
      .MaxLength(c.maxLength)
      .HashFunc(c.hashFunc);
    if (c.serializer === "json") s.SetSerializer(new JSONEncoder());
    s.timeFunc = () => c.now;
    return s;
  });
  try {
    DecodeMulti(c.name, c.cookie, ...codecs);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

function steps(c: CookieCheck, r: Builder, length: number): void {
  const aesSizes = c.pairs.map((p) => p.blockKey?.length ?? null);
  // 1. Length.
  if (c.maxLength !== 0 && length > c.maxLength) {
    r.fail(
      "length",
      `the cookie is ${length} bytes; the codec reads at most ${c.maxLength} (MaxLength)`,
      "a session this big does not fit a cookie (browsers keep about 4096 bytes): store less, or use the Redis store; a service that raised MaxLength: pass --max-length",
    );
    return;
  }
  // 2. Base64.
  let b: Buffer;
  try {
    b = urlDecodeString(c.cookie);
  } catch (e) {
    r.fail(
      "base64",
      `the cookie is not URL-safe base64: ${(e as Error).message}`,
      base64Hint(c.cookie),
    );
    return;
  }
  // 3. date|value|mac.
  const p1 = b.indexOf(0x7c);
  const p2 = p1 < 0 ? -1 : b.indexOf(0x7c, p1 + 1);
  if (p2 < 0) {
    r.fail(
      "format",
      "the decoded bytes are not date|value|mac: this is no securecookie value",
      "another framework's cookie, or one cut short: check that you copied the whole value of the right cookie",
    );
    return;
  }
  const date = b.subarray(0, p1);
  const payloadText = b.subarray(p1 + 1, p2);
  const mac = b.subarray(p2 + 1);
  // 4. MAC.
  const signed = b.subarray(0, p2);
  const pair = c.pairs.findIndex((p) => macOk(c.hashFunc, p.hashKey, c.name, signed, mac));
  if (pair < 0) {
    r.fail(
      "mac",
      `the MAC does not verify under any of the ${c.pairs.length} key pair(s)`,
      macHint(c, signed, mac),
    );
  } else {
    r.pair = pair + 1;
    const size = aesSizes[pair];
    if (size !== null && size !== 16 && size !== 24 && size !== 32) {
      r.fail(
        "keys",
        `key pair ${pair + 1} signs this cookie, but its block key is ${size} bytes: AES needs 16, 24 or 32`,
        "pass the service's block key exactly (hex: or base64: for binary keys)",
      );
    }
  }
  // 5. Timestamp (read even when the MAC fails: it tells when the cookie was made).
  const t = parseInt64(date, 0, date.length);
  if (t === null) {
    r.fail("timestamp", `the timestamp ${JSON.stringify(date.toString("latin1"))} is no integer`);
    return;
  }
  r.timestamp = String(t);
  const age = c.now - Number(t);
  r.age = age;
  r.expiresIn = c.maxAge === 0 ? null : c.maxAge - age;
  if (age < 0)
    r.notes.push(
      `the timestamp is ${duration(-age)} in the future: are the clocks of the servers apart?`,
    );
  if (pair < 0) return;
  if (c.minAge !== 0 && Number(t) > c.now - c.minAge) {
    r.fail(
      "timestamp",
      `too new by ${duration(Number(t) - (c.now - c.minAge))}: MinAge is ${c.minAge}s and the cookie is ${duration(age)} old`,
    );
  }
  if (c.maxAge !== 0 && Number(t) < c.now - c.maxAge) {
    r.fail(
      "timestamp",
      `expired ${duration(c.now - c.maxAge - Number(t))} ago: the cookie is ${duration(age)} old and MaxAge is ${duration(c.maxAge)}`,
      "the browser kept a cookie the codec no longer accepts: log in again; a service with a longer MaxAge: pass --max-age",
    );
  }
  // 6. Decrypt.
  let payload: Buffer;
  try {
    payload = urlDecode(payloadText);
  } catch (e) {
    r.fail("base64", `the value inside the cookie is not URL-safe base64: ${(e as Error).message}`);
    return;
  }
  const block = c.pairs[pair].blockKey;
  r.encrypted = block !== null;
  let plain = payload;
  if (block !== null) {
    if (r.failure?.step === "keys") return;
    if (payload.length <= 16) {
      r.fail(
        "decrypt",
        `the value is ${payload.length} bytes, no longer than an AES IV: it cannot be decrypted`,
      );
      return;
    }
    const d = createDecipheriv(`aes-${block.length * 8}-ctr`, block, payload.subarray(0, 16));
    plain = Buffer.concat([d.update(payload.subarray(16)), d.final()]);
  }
  r.payloadBytes = plain.length;
  // 7. Deserialize.
  deserialize(c, r, plain, payload, block !== null);
}

function deserialize(
  c: CookieCheck,
  r: Builder,
  plain: Buffer,
  raw: Buffer,
  encrypted: boolean,
): void {
  let value: unknown;
  try {
    value = c.serializer === "json" ? JSON.parse(plain.toString("utf8")) : gobDecode(plain);
  } catch (e) {
    const what = c.serializer === "json" ? "JSON" : "gob";
    r.fail(
      "deserialize",
      `the value is not ${what}: ${(e as Error).message}`,
      deserializeHint(c, plain, raw, encrypted),
    );
    return;
  }
  const printer = new GoPrinter(c.serializer === "json" ? "json" : "gob");
  if (value instanceof Map || (c.serializer === "json" && isObject(value))) {
    r.entries = sessionEntries(value as Map<unknown, unknown>, printer);
    r.register = needsRegister(printer.interfaceNames);
    if (r.register.length > 0 && c.serializer === "gob") {
      r.notes.push(
        `a Go service reading this session must gob.Register ${r.register.join(", ")}, else Go fails with: gob: name not registered for interface: "${r.register[0]}"`,
      );
    }
    return;
  }
  const d = printer.dynamic(value);
  r.value = { type: d?.name ?? "<nil>", value: printer.slot(value, undefined, 0) };
  if (typeof value === "string" && /^[A-Z2-7]{52}$/.test(value)) {
    r.notes.push(
      `this cookie holds a session ID: a Redis store keeps the values under session_${value} (see: hertz-sessions redis --addr HOST:PORT ${value})`,
    );
  } else {
    r.notes.push(
      `the value is a ${d?.name ?? "nil"}, not a session map (map[interface {}]interface {}): a cookie store fails to read it`,
    );
  }
}

function isObject(v: unknown): boolean {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function macOk(
  hash: HashName,
  key: Uint8Array,
  name: string,
  signed: Uint8Array,
  mac: Uint8Array,
): boolean {
  const h = createHmac(hash, key).update(`${name}|`).update(signed).digest();
  return h.length === mac.length && timingSafeEqual(h, mac);
}

function macHint(c: CookieCheck, signed: Uint8Array, mac: Uint8Array): string {
  const names = [...new Set([c.name, ...c.tryNames, ...commonNames])];
  const keys = c.pairs.flatMap((p, i) => {
    const k = [{ key: p.hashKey, what: `key pair ${i + 1}` }];
    if (p.blockKey !== null)
      k.push({ key: p.blockKey, what: `the block key of pair ${i + 1} as hash key` });
    return k;
  });
  for (const hash of hashes) {
    for (const k of keys) {
      for (const name of names) {
        if (!macOk(hash, k.key, name, signed, mac)) continue;
        const fixes: string[] = [];
        if (name !== c.name)
          fixes.push(`the cookie was made for the name "${name}": pass --name ${name}`);
        if (hash !== c.hashFunc)
          fixes.push(`it was signed with HMAC-${hash.toUpperCase()}: pass --hash ${hash}`);
        if (k.what.startsWith("the block"))
          fixes.push("hash and block keys are swapped: the hash key comes first in each pair");
        return `the MAC verifies with ${k.what} when ${fixes.join("; ")}`;
      }
    }
  }
  const sizes: Record<number, string> = {
    16: "MD5",
    20: "SHA-1",
    28: "SHA-224",
    32: "SHA-256",
    48: "SHA-384",
    64: "SHA-512",
  };
  const sized =
    mac.length !== 32 && sizes[mac.length]
      ? ` (the MAC is ${mac.length} bytes, as ${sizes[mac.length]} makes)`
      : "";
  return `the cookie was signed with another hash key${sized}: a key that changed or was rotated out (keep the old pair after the new one), another service's cookie, or a tampered value; names tried: ${names.join(", ")}`;
}

function base64Hint(cookie: string): string {
  if (/%[0-9A-Fa-f]{2}/.test(cookie))
    return "it looks URL-encoded (%xx): decode it first (decodeURIComponent)";
  if (/^".*"$/.test(cookie)) return "remove the surrounding quotes";
  if (/[+/]/.test(cookie))
    return "it holds + or /: standard base64, not URL-safe base64; securecookie never writes those";
  if (/\s/.test(cookie)) return "it holds spaces: copy the value alone";
  if (cookie.length % 4 !== 0)
    return "its length is no multiple of 4: the value was cut short, or its = padding is missing";
  return "copy the whole value of the cookie, nothing else";
}

function deserializeHint(c: CookieCheck, plain: Buffer, raw: Buffer, encrypted: boolean): string {
  if (encrypted && c.serializer === "gob" && decodes(raw)) {
    return "the value is plain gob: the cookie is not encrypted; drop --block-key for this pair";
  }
  if (c.serializer === "gob" && looksJSON(plain))
    return "the value is JSON: pass --serializer json";
  if (!encrypted && raw.length > 16) {
    return "if the service has a block key (encryption), pass it with --block-key";
  }
  return "the service wrote another format, or its gob is damaged";
}

function decodes(b: Uint8Array): boolean {
  try {
    gobDecode(b);
    return true;
  } catch (e) {
    if (e instanceof GobError) return false;
    throw e;
  }
}

function looksJSON(b: Buffer): boolean {
  try {
    JSON.parse(b.toString("utf8"));
    return true;
  } catch {
    return false;
  }
}
