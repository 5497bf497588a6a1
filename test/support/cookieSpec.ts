/**
 * Codecs described as data, the shape of test/vectors/securecookie.json and of the gocodec
 * cookie ops: CodecsFromPairs(keyPairs...) then, on each codec, the encoder, hash and limits.
 */
import {
  type Codec,
  CodecsFromPairs,
  DecodeMulti,
  EncodeMulti,
  GobEncoder,
  type HashName,
  JSONEncoder,
  NopEncoder,
  type SecureCookie,
} from "../../src/securecookie/index.ts";

export interface CookieSpec {
  name: string;
  /** Hex keys alternating hash, block; null is no key. */
  keyPairs: Array<string | null>;
  hashFunc?: HashName;
  encoder?: "gob" | "json" | "nop" | "";
  maxAge?: number;
  minAge?: number;
  maxLength?: number;
  /** EncodeMulti/DecodeMulti over all codecs; else the first codec alone. */
  multi?: boolean;
}

/** Go's error as gocodec and the vectors describe it. */
export interface GoError {
  text: string;
  kinded: boolean;
  usage: boolean;
  decode: boolean;
  internal: boolean;
}

export function codecsOf(spec: CookieSpec): SecureCookie[] {
  const keys = spec.keyPairs.map((k) => (k === null ? null : Buffer.from(k, "hex")));
  const codecs = CodecsFromPairs(...keys);
  for (const c of codecs) {
    if (spec.encoder === "json") c.SetSerializer(new JSONEncoder());
    else if (spec.encoder === "nop") c.SetSerializer(new NopEncoder());
    else c.SetSerializer(new GobEncoder());
    if (spec.hashFunc !== undefined) c.HashFunc(spec.hashFunc);
    if (spec.maxAge !== undefined) c.MaxAge(spec.maxAge);
    if (spec.minAge !== undefined) c.MinAge(spec.minAge);
    if (spec.maxLength !== undefined) c.MaxLength(spec.maxLength);
  }
  return codecs;
}

export function encodeWith(spec: CookieSpec, value: unknown): string {
  const codecs: Codec[] = codecsOf(spec);
  return spec.multi ? EncodeMulti(spec.name, value, ...codecs) : codecs[0].Encode(spec.name, value);
}

export function decodeWith(spec: CookieSpec, cookie: string): unknown {
  const codecs: Codec[] = codecsOf(spec);
  return spec.multi
    ? DecodeMulti(spec.name, cookie, ...codecs)
    : codecs[0].Decode(spec.name, cookie);
}

/** Our error in the shape of Go's description (kinded: has Go's securecookie.Error methods). */
export function describe(e: unknown): GoError {
  const err = e as Error & Partial<Record<"IsUsage" | "IsDecode" | "IsInternal", () => boolean>>;
  const kinded = typeof err.IsUsage === "function";
  return {
    text: err.message,
    kinded,
    usage: kinded && err.IsUsage!(),
    decode: kinded && err.IsDecode!(),
    internal: kinded && err.IsInternal!(),
  };
}

/** The error `f` throws (fails when it returns). */
export function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected an error, got none");
}

/** JSON values as a spec's `as` says: "json", "bytes" (standard base64), "session" (Maps). */
export function valueAs(json: unknown, as: "json" | "bytes" | "session"): unknown {
  if (as === "bytes") return Buffer.from(json as string, "base64");
  if (as === "session") return toSession(json);
  return json;
}

function toSession(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(toSession);
  if (v !== null && typeof v === "object") {
    return new Map(Object.entries(v).map(([k, e]) => [k, toSession(e)]));
  }
  return v;
}
