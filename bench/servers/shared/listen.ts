/**
 * The contract between a benchmark server and its driver (`bench/http.bench.ts`): listen on an
 * ephemeral loopback port, then print one `PORT=<n>` line on stdout. The driver reads that line,
 * sends its load, and ends the process with SIGTERM.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

export const HOST = "127.0.0.1";

/** The counter route every contender serves. */
export const COUNTER_PATH = "/counter";

/** Prints the `PORT=<n>` line for a server that is already listening. */
export function announce(server: Server): void {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`PORT=${port}\n`);
}

/** Starts `server` on an ephemeral loopback port and announces it. */
export function listen(server: Server): void {
  server.keepAliveTimeout = 60_000;
  server.listen(0, HOST, () => announce(server));
}

/** Reads a required environment variable set by the driver (a Redis address, say). */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set`);
    process.exit(2);
  }
  return value;
}
