/**
 * Go's `%#v` of a `time.Time` (its `GoString`): `time.Date(2024, time.March, 1, 10, 0, 0, 5,
 * time.UTC)`, the clock in the time's own zone. A time gob carries only a zone offset, so Go
 * reads it as UTC (offset -1 on the wire), as `time.Local` when the offset is the local
 * zone's at that instant, else as an unnamed fixed zone, `time.Location("")`.
 * Port of Go 1.26 time/time.go `GoString` and `UnmarshalBinary`.
 */

const months = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
/** Seconds from year 1 to the Unix epoch (Go's `unixToInternal`). */
const unixToInternal = 62135596800n;

/** An instant with Go's precision and zone: what a `time.Time` gob holds. */
export interface GoInstant {
  /** Unix seconds. */
  readonly sec: bigint;
  readonly nsec: number;
  /** Seconds east of UTC, or null for UTC itself. */
  readonly offset: number | null;
}

/** The instant of `MarshalBinary` bytes (already validated by the gob decoder). */
export function instantOfBytes(b: Uint8Array): GoInstant {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const sec = view.getBigInt64(1) - unixToInternal;
  const nsec = view.getInt32(9);
  const offsetMin = view.getInt16(13);
  if (offsetMin === -1) return { sec, nsec, offset: null };
  // Go reads the version-2 seconds byte unsigned.
  return { sec, nsec, offset: offsetMin * 60 + (b[0] === 2 ? b[15] : 0) };
}

/** The instant of a `Date` sent fresh: UTC, whole milliseconds. */
export function instantOfDate(d: Date): GoInstant {
  const ms = d.getTime();
  const sec = Math.floor(ms / 1000);
  return { sec: BigInt(sec), nsec: (ms - sec * 1000) * 1e6, offset: null };
}

export function goTimeString(t: GoInstant): string {
  const offset = t.offset ?? 0;
  const clock = new Date((Number(t.sec) + offset) * 1000);
  const fields = [
    clock.getUTCFullYear(),
    `time.${months[clock.getUTCMonth()]}`,
    clock.getUTCDate(),
    clock.getUTCHours(),
    clock.getUTCMinutes(),
    clock.getUTCSeconds(),
    t.nsec,
  ];
  return `time.Date(${fields.join(", ")}, ${zoneName(t)})`;
}

function zoneName(t: GoInstant): string {
  if (t.offset === null) return "time.UTC";
  const localOffset = -new Date(Number(t.sec) * 1000).getTimezoneOffset() * 60;
  return t.offset === localOffset ? "time.Local" : 'time.Location("")';
}
