/**
 * CPU time (user + system, all threads) a process has used so far, in microseconds, read from
 * `/proc/<pid>/stat`; null where there is no procfs. Server CPU per request barely moves when
 * neighbours load the machine, unlike throughput, so the HTTP benchmark reports both.
 */
import { readFileSync } from "node:fs";

/** Linux reports utime/stime in USER_HZ ticks, which is 100 per second. */
const US_PER_TICK = 10_000;

export function cpuTimeUs(pid: number): number | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "latin1");
  } catch {
    return null;
  }
  // Fields after the command name (which may hold spaces) start with field 3, `state`;
  // utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[14 - 3]);
  const stime = Number(fields[15 - 3]);
  return Number.isFinite(utime) && Number.isFinite(stime) ? (utime + stime) * US_PER_TICK : null;
}
