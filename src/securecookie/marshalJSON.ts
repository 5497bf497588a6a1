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

/** Go's `appendString` with escapeHTML (JSON.stringify escapes control characters alike). */
function quote(s: string): string {
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

function marshal(v: unknown, seen: Set<object>): string {
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
  if (seen.has(v)) {
    throw new Error(`json: unsupported value: encountered a cycle via ${goTypeName(v)}`);
  }
  seen.add(v);
  let out: string;
  if (Array.isArray(v)) {
    out = `[${v.map((e) => marshal(e, seen)).join(",")}]`;
  } else {
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj).sort(compareKeys);
    out = `{${keys.map((k) => `${quote(k)}:${marshal(obj[k], seen)}`).join(",")}}`;
  }
  seen.delete(v);
  return out;
}

/** The bytes `json.NewEncoder(w).Encode(v)` writes: the JSON text and a newline. */
export function marshalJSON(v: unknown): string {
  return `${marshal(v, new Set())}\n`;
}
