/** Reading flag values: integers, choices, key pairs. */
import type { KeyPair } from "./explainCookie.ts";
import { parseKey } from "./parseKey.ts";
import { UsageError } from "./UsageError.ts";

export function integerFlag(v: string | undefined, flag: string, dflt: number, min = 0): number {
  if (v === undefined) return dflt;
  if (!/^-?\d+$/.test(v) || !Number.isSafeInteger(Number(v)) || Number(v) < min) {
    throw new UsageError(
      `${flag} ${v}: expected an integer${min === 0 ? " of 0 or more" : ` of at least ${min}`}`,
    );
  }
  return Number(v);
}

export function choiceFlag<T extends string>(
  v: string | undefined,
  flag: string,
  choices: readonly T[],
  dflt: T,
): T {
  if (v === undefined) return dflt;
  if (!(choices as readonly string[]).includes(v)) {
    throw new UsageError(`${flag} ${v}: expected one of ${choices.join(", ")}`);
  }
  return v as T;
}

/**
 * Key pairs from repeated `--hash-key` and `--block-key`, paired in order: the n-th block
 * key goes with the n-th hash key; `none` stands for a pair without a block key.
 */
export function keyPairs(hash: string[] | undefined, block: string[] | undefined): KeyPair[] {
  const hs = hash ?? [];
  const bs = block ?? [];
  if (hs.length === 0)
    throw new UsageError("--hash-key is required (repeat it, with --block-key, for each key pair)");
  if (bs.length > hs.length) {
    throw new UsageError(
      `${bs.length} --block-key for ${hs.length} --hash-key: each block key goes with the hash key of the same rank`,
    );
  }
  return hs.map((h, i) => ({
    hashKey: parseKey(h, "--hash-key"),
    blockKey: bs[i] === undefined || bs[i] === "none" ? null : parseKey(bs[i], "--block-key"),
  }));
}
