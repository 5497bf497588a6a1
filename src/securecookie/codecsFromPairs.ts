/**
 * Port of gorilla/securecookie v1.1.2 `securecookie.go` (`CodecsFromPairs`).
 */
import { New, type SecureCookie } from "./SecureCookie.ts";

/**
 * Returns one SecureCookie per key pair, for key rotation: the arguments alternate hash
 * key, block key (`null`/`undefined` for none); a missing last block key means none.
 *
 * The codecs have the default options; change them on each codec:
 *
 *     const codecs = CodecsFromPairs(newHash, newBlock, oldHash, oldBlock);
 *     for (const c of codecs) c.MaxAge(86400 * 7).SetSerializer(new JSONEncoder());
 */
export function CodecsFromPairs(...keyPairs: Array<Uint8Array | null | undefined>): SecureCookie[] {
  const codecs: SecureCookie[] = [];
  for (let i = 0; i < keyPairs.length; i += 2) {
    const blockKey = i + 1 < keyPairs.length ? keyPairs[i + 1] : null;
    codecs.push(New(keyPairs[i], blockKey ?? null));
  }
  return codecs;
}
