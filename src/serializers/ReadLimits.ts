/**
 * Limits of the JSON and msgpack serializers on what they read back from Redis, which is
 * untrusted input like a cookie: a hostile or corrupt value is refused with an error (the
 * request then gets a new session) before it can cost a large allocation or a deep
 * recursion. (`GobSerializer` has the gob decoder's own limits, `DecoderOptions`.)
 */
import { SessionsRangeError, SessionsTypeError } from "../sessions/SessionsError.ts";

export interface ReadLimits {
  /** Longest value read, in bytes. Default 1 MiB, gob's largest message. */
  maxLength?: number;
  /** Deepest nesting of arrays and maps (objects). Default 64, as gob's. */
  maxDepth?: number;
}

export const readLimitDefaults: Readonly<Required<ReadLimits>> = Object.freeze({
  maxLength: 1 << 20,
  maxDepth: 64,
});

/** The limits with the defaults filled in; a `SessionsTypeError` for one that is not a positive integer. */
export function resolveReadLimits(limits: ReadLimits | undefined): Required<ReadLimits> {
  const out = { ...readLimitDefaults };
  for (const k of Object.keys(readLimitDefaults) as (keyof ReadLimits)[]) {
    const v = limits?.[k];
    if (v === undefined) continue;
    if (!Number.isSafeInteger(v) || v < 1) {
      throw new SessionsTypeError(
        "ERR_INVALID_CONFIG",
        `invalid read limit ${k}: ${v} (a positive integer)`,
      );
    }
    out[k] = v;
  }
  return out;
}

/**
 * Throws a `SessionsRangeError` (`ERR_READ_LIMIT`) naming the serializer and the option when `d` is longer than
 * `maxLength`, or nested deeper than `maxDepth` by the serializer's own reading of its
 * format (`deeperThan`, which scans the bytes without decoding them).
 */
export function checkRead(
  serializer: string,
  d: Uint8Array,
  { maxLength, maxDepth }: Required<ReadLimits>,
  deeperThan: (d: Uint8Array, max: number) => boolean,
): void {
  if (d.length > maxLength) {
    throw new SessionsRangeError(
      "ERR_READ_LIMIT",
      `${serializer}: the stored value is ${d.length} bytes, more than maxLength ${maxLength}; raise it with new ${serializer}({ maxLength }) if such sessions are expected`,
    );
  }
  if (deeperThan(d, maxDepth)) {
    throw new SessionsRangeError(
      "ERR_READ_LIMIT",
      `${serializer}: the stored value is nested deeper than maxDepth ${maxDepth}; raise it with new ${serializer}({ maxDepth }) if such sessions are expected`,
    );
  }
}
