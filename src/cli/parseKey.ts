/**
 * A key given on the command line: `hex:00ff…`, `base64:…` (standard or URL alphabet,
 * padding optional), `text:…` (the bytes of the text, for a text that starts with a
 * prefix), or plain text otherwise (its UTF-8 bytes, as Go's `[]byte("secret")`).
 */
import { UsageError } from "./UsageError.ts";

export function parseKey(spec: string, flag: string): Uint8Array {
  if (spec.startsWith("hex:")) {
    const hex = spec.slice(4);
    if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) {
      throw new UsageError(`${flag} ${spec}: not hex (an even number of 0-9, a-f)`);
    }
    return bytesOrEmpty(Buffer.from(hex, "hex"), flag);
  }
  if (spec.startsWith("base64:")) {
    const b64 = spec.slice(7).replace(/=+$/, "");
    if (!/^[A-Za-z0-9+/_-]*$/.test(b64) || b64.length % 4 === 1) {
      throw new UsageError(`${flag} ${spec}: not base64`);
    }
    return bytesOrEmpty(Buffer.from(b64.replace(/-/g, "+").replace(/_/g, "/"), "base64"), flag);
  }
  if (spec.startsWith("text:")) return bytesOrEmpty(Buffer.from(spec.slice(5), "utf8"), flag);
  return bytesOrEmpty(Buffer.from(spec, "utf8"), flag);
}

function bytesOrEmpty(b: Buffer, flag: string): Uint8Array {
  if (b.length === 0) throw new UsageError(`${flag}: the key is empty`);
  return new Uint8Array(b);
}

/** How a text key may have been meant: "hex" or "base64" when it looks like one. */
export function looksEncoded(spec: string): "hex" | "base64" | null {
  if (/^(hex|base64|text):/.test(spec)) return null;
  if (spec.length >= 32 && spec.length % 2 === 0 && /^[0-9a-fA-F]+$/.test(spec)) return "hex";
  if (spec.length >= 24 && /^[A-Za-z0-9+/_-]+={0,2}$/.test(spec) && spec.length % 4 === 0) {
    return "base64";
  }
  return null;
}
