/**
 * JSON text as Go's `json.NewEncoder(w).Encode(v)` writes it for the Go value a TypeScript
 * value stands for (see the type table of the design notes): object keys sorted (Go sorts
 * map keys), `<`, `>`, `&`, U+2028 and U+2029 escaped (the Encoder escapes HTML), a
 * `Uint8Array` as standard base64 (`[]byte`), a `Date` as RFC 3339 with trimmed fractional
 * seconds (`time.Time`), a `bigint` as its digits (`int64`), `undefined` as `null` (nil).
 * Port of the parts of Go's `encoding/json/encode.go` (Go 1.26) these values reach.
 *
 * Values Go cannot encode throw Go's error text: a `Map` is `map[interface {}]interface {}`
 * ("json: unsupported type: ..."), NaN and infinities ("json: unsupported value: NaN").
 */

const htmlUnsafe = /[<>&\u2028\u2029]/;
const htmlUnsafeAll = /[<>&\u2028\u2029]/g;
const htmlEscapes: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/** Strings that need no escape at all (most): written as they are. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters need escapes
const plain = /^[^"\\\x00-\x1f<>&\u2028\u2029\ud800-\udfff]*$/;

/** Go's `appendString` with escapeHTML (JSON.stringify escapes control characters alike). */
function quote(s: string): string {
  if (plain.test(s)) return `"${s}"`;
  const q = JSON.stringify(s);
  return htmlUnsafe.test(q) ? q.replace(htmlUnsafeAll, (c) => htmlEscapes[c]) : q;
}

/** Orders strings by their UTF-8 bytes (= code points), as Go sorts string map keys. */
function compareKeys(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** Go's `floatEncoder` for float64: `-0` keeps its sign; integral values print as ints. */
function formatNumber(n: number): string {
  if (!Number.isFinite(n)) {
    throw new Error(
      `json: unsupported value: ${Number.isNaN(n) ? "NaN" : n > 0 ? "+Inf" : "-Inf"}`,
    );
  }
  // JavaScript switches to exponents at the same bounds as Go (1e21, 1e-6) and writes
  // "1e-7" where Go cleans "1e-07" to "1e-7".
  return String(n);
}

/** Go's `Time.MarshalJSON` of a UTC time. */
function formatTime(d: Date): string {
  const ms = d.getTime();
  if (Number.isNaN(ms)) throw new Error("json: unsupported value: Invalid Date");
  const year = d.getUTCFullYear();
  if (year < 0 || year > 9999) {
    throw new Error(
      "json: error calling MarshalJSON for type time.Time: Time.MarshalJSON: year outside of range [0,9999]",
    );
  }
  const iso = d.toISOString(); // YYYY-MM-DDTHH:mm:ss.sssZ for years 0..9999
  let frac = iso.slice(19, 23).replace(/0+$/, "");
  if (frac === ".") frac = "";
  return `"${iso.slice(0, 19)}${frac}Z"`;
}

function goTypeName(v: unknown): string {
  if (v instanceof Map) return "map[interface {}]interface {}";
  if (Array.isArray(v)) return "[]interface {}";
  if (typeof v === "object") return "map[string]interface {}";
  return typeof v === "function" ? "func()" : typeof v;
}

/** Object keys in Go's order; UTF-16 order is code point order without surrogates. */
function sortedKeys(obj: object): string[] {
  const keys = Object.keys(obj);
  let sorted = true;
  let surrogates = false;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (i > 0 && keys[i - 1] > k) sorted = false;
    for (let j = 0; j < k.length; j++) {
      if (k.charCodeAt(j) >= 0xd800) {
        surrogates = true;
        break;
      }
    }
  }
  if (surrogates) return keys.sort(compareKeys);
  if (sorted) return keys;
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i];
    let j = i - 1;
    for (; j >= 0 && keys[j] > k; j--) keys[j + 1] = keys[j];
    keys[j + 1] = k;
  }
  return keys;
}

/** Containers deeper than this are checked for cycles (Go: startDetectingCyclesAfter). */
const DETECT_CYCLES_AFTER = 100;

function marshal(v: unknown, seen: Set<object>, depth = 0): string {
  switch (typeof v) {
    case "undefined":
      return "null";
    case "boolean":
      return v ? "true" : "false";
    case "number":
      return formatNumber(v);
    case "bigint":
      return v.toString();
    case "string":
      return quote(v);
    case "object":
      break;
    default:
      throw new Error(`json: unsupported type: ${goTypeName(v)}`);
  }
  if (v === null) return "null";
  if (v instanceof Uint8Array)
    return `"${Buffer.from(v.buffer, v.byteOffset, v.length).toString("base64")}"`;
  if (v instanceof Date) return formatTime(v);
  if (v instanceof Map || ArrayBuffer.isView(v) || v instanceof Set) {
    throw new Error(`json: unsupported type: ${goTypeName(v)}`);
  }
  const track = depth > DETECT_CYCLES_AFTER;
  if (track) {
    if (seen.has(v)) {
      throw new Error(`json: unsupported value: encountered a cycle via ${goTypeName(v)}`);
    }
    seen.add(v);
  }
  let out: string;
  if (Array.isArray(v)) {
    out = "[";
    for (let i = 0; i < v.length; i++) out += (i === 0 ? "" : ",") + marshal(v[i], seen, depth + 1);
    out += "]";
  } else {
    const obj = v as Record<string, unknown>;
    const keys = sortedKeys(obj);
    out = "{";
    for (let i = 0; i < keys.length; i++) {
      out += `${i === 0 ? "" : ","}${quote(keys[i])}:${marshal(obj[keys[i]], seen, depth + 1)}`;
    }
    out += "}";
  }
  if (track) seen.delete(v);
  return out;
}

/** The bytes `json.NewEncoder(w).Encode(v)` writes: the JSON text and a newline. */
export function marshalJSON(v: unknown): string {
  return `${marshal(v, new Set())}\n`;
}
