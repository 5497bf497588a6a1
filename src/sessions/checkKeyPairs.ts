/**
 * The key pairs of a store, checked when the store is made.
 *
 * Go's securecookie accepts any keys and fails later: `New` records a bad block key in the
 * codec and every `Encode`/`Decode` returns it; an empty hash key fails the same way; no
 * key pairs at all fail `EncodeMulti` with "no codecs provided". Each of those would only
 * show on the first request, so the stores refuse them at once (see "Differences from Go").
 */

import { logWarn } from "./logger.ts";
import { SessionsTypeError } from "./SessionsError.ts";

type KeyPair = Uint8Array | null | undefined;

/** HMAC-SHA256 keys shorter than this are weak; securecookie recommends 32 or 64 bytes. */
export const minHashKeyLength = 32;

const aesKeyLengths = [16, 24, 32];

let warned = false;

/**
 * Throws a `SessionsTypeError` (`ERR_INVALID_CONFIG`) for arguments no codec could work with:
 * no key pairs, a hash key that is missing, empty or no `Uint8Array`, a block key that is no
 * `Uint8Array` or not 16, 24 or 32 bytes long (`null`/`undefined` mean "no encryption").
 */
export function checkKeyPairs(where: string, keyPairs: readonly KeyPair[]): void {
  const fail = (why: string): never => {
    throw new SessionsTypeError("ERR_INVALID_CONFIG", `${where}: ${why}`);
  };
  if (keyPairs.length === 0) {
    fail(
      "no key pairs: pass at least a hash key (32 or 64 random bytes, e.g. securecookie.GenerateRandomKey(32))",
    );
  }
  for (let i = 0; i < keyPairs.length; i += 2) {
    const hashKey = keyPairs[i];
    const block = keyPairs[i + 1];
    const n = i / 2 + 1;
    if (!(hashKey instanceof Uint8Array) || hashKey.length === 0) {
      fail(
        `hash key ${n} is ${describe(hashKey)}: pass a non-empty Uint8Array (32 or 64 random bytes)`,
      );
    }
    if (block === null || block === undefined) continue;
    if (!(block instanceof Uint8Array) || !aesKeyLengths.includes(block.length)) {
      fail(
        `block key ${n} is ${describe(block)}: AES needs a key of 16, 24 or 32 bytes (or null for no encryption)`,
      );
    }
  }
}

/**
 * Warns once per process, through the sessions logger, when a hash key is shorter than 32
 * bytes (call after `checkKeyPairs`).
 */
export function warnShortHashKeys(keyPairs: readonly KeyPair[]): void {
  if (warned) return;
  let short = false;
  for (let i = 0; i < keyPairs.length; i += 2) {
    if ((keyPairs[i]?.length ?? 0) < minHashKeyLength) short = true;
  }
  if (short) {
    warned = true;
    logWarn(
      `[sessions] WARN! a hash key shorter than ${minHashKeyLength} bytes is easy to guess: use 32 or 64 random bytes (securecookie.GenerateRandomKey(32)); this warning is given once\n`,
    );
  }
}

function describe(v: unknown): string {
  if (v instanceof Uint8Array) return `${v.length} bytes`;
  if (v === null || v === undefined) return "missing";
  return `a ${typeof v}, not a Uint8Array`;
}
