/**
 * A naive hand-rolled encrypted cookie session: the session is JSON, sealed with AES-256-CTR
 * under a fresh random IV and authenticated with HMAC-SHA256 over `iv|ciphertext`; the cookie
 * is base64url(`iv|ciphertext|mac`). Cipher and HMAC objects are created per request, as
 * straightforward code does. The reference the cookie store is compared with.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from "node:crypto";
import { blockKey32, hashKey32 } from "./keys.ts";

const IV = 16;
const MAC = 32;

export type NaiveData = { count?: number };

export function seal(data: NaiveData): string {
  const iv = randomBytes(IV);
  const cipher = createCipheriv("aes-256-ctr", blockKey32, iv);
  const ct = Buffer.concat([cipher.update(JSON.stringify(data), "utf8"), cipher.final()]);
  const mac = createHmac("sha256", hashKey32).update(iv).update(ct).digest();
  return Buffer.concat([iv, ct, mac]).toString("base64url");
}

export function open(cookie: string | undefined): NaiveData {
  if (!cookie) return {};
  const raw = Buffer.from(cookie, "base64url");
  if (raw.length < IV + MAC) return {};
  const iv = raw.subarray(0, IV);
  const ct = raw.subarray(IV, raw.length - MAC);
  const mac = createHmac("sha256", hashKey32).update(iv).update(ct).digest();
  if (!timingSafeEqual(mac, raw.subarray(raw.length - MAC))) return {};
  const decipher = createDecipheriv("aes-256-ctr", blockKey32, iv);
  try {
    return JSON.parse(Buffer.concat([decipher.update(ct), decipher.final()]).toString("utf8"));
  } catch {
    return {};
  }
}

/** The naive counter's `Set-Cookie` for `data`. */
export function naiveSetCookie(name: string, data: NaiveData): string {
  return `${name}=${seal(data)}; Path=/; Max-Age=2592000; HttpOnly; SameSite=Lax`;
}
