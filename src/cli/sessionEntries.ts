/**
 * A session's values as a Go service sees them: each key and value with `%#v` and `%T`, in
 * Go's `fmt` order of the keys.
 */
import { memoOf } from "../gob/typeMemory.ts";
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
  const out = pairs.map(([k, v]) => {
    const keyRec = memo?.keys?.get(k);
    const rec = memo?.slots?.get(k);
    return {
      key: printer.slot(k, keyRec, 1),
      keyType: printer.dynamic(k, keyRec)?.name ?? "<nil>",
      type: printer.dynamic(v, rec)?.name ?? "<nil>",
      value: printer.slot(v, rec, 0),
    };
  });
  return out.sort((a, b) =>
    a.keyType !== b.keyType ? (a.keyType < b.keyType ? -1 : 1) : byBytes(a.key, b.key),
  );
}

function byBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
