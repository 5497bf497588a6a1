/**
 * A session's values as a Go service sees them: each key and value with `%#v` and `%T`, in
 * Go's `fmt` order of the keys.
 */
import { memoOf } from "../gob/typeMemory.ts";
import { compareKeys } from "./compareKeys.ts";
import type { GoPrinter } from "./goString.ts";

export interface SessionEntry {
  /** `%#v` of the key. */
  readonly key: string;
  /** `%T` of the key. */
  readonly keyType: string;
  /** `%T` of the value. */
  readonly type: string;
  /** `%#v` of the value. */
  readonly value: string;
}

/** The entries of a decoded session (a `Map`, or a plain object for string-keyed formats). */
export function sessionEntries(
  values: Map<unknown, unknown> | Record<string, unknown>,
  printer: GoPrinter,
): SessionEntry[] {
  const memo = memoOf(values);
  const pairs = values instanceof Map ? [...values] : Object.entries(values);
  const sorted = pairs
    .map(([k, v]) => ({ k, v, t: printer.dynamic(k, memo?.keys?.get(k))?.name ?? "" }))
    .sort((a, b) => compareKeys(a.t, a.k, b.t, b.k));
  return sorted.map(({ k, v }) => {
    const keyRec = memo?.keys?.get(k);
    const rec = memo?.slots?.get(k);
    return {
      key: printer.slot(k, keyRec, 1),
      keyType: printer.dynamic(k, keyRec)?.name ?? "<nil>",
      type: printer.dynamic(v, rec)?.name ?? "<nil>",
      value: printer.slot(v, rec, 0),
    };
  });
}
