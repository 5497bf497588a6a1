/**
 * ioredis options of the stores that open their own connection (`NewStore`, `NewStoreWithDB`),
 * and the mapping of Go's `(network, address)` pair onto them.
 *
 * Go's redigo pool (`MaxIdle: size`) hands one connection to each request; ioredis multiplexes
 * all requests over one pipelined connection instead, which is faster against a single-threaded
 * Redis. `size` is therefore accepted and not used.
 */
import type { RedisOptions } from "ioredis";
import { SessionsTypeError } from "../sessions/SessionsError.ts";

/**
 * Defaults chosen so that a dead or stuck Redis yields errors in bounded time, and a restarted
 * one is picked up again without restarting Node. To change them, build the client yourself
 * (`new Redis({ ...DefaultClientOptions, ...yours })`) and pass it to `NewStoreWithClient`.
 */
export const DefaultClientOptions: Readonly<RedisOptions> = Object.freeze({
  /** Milliseconds to establish the TCP/unix connection (ioredis's default: 10000). */
  connectTimeout: 2000,
  /** Milliseconds after which a GET/SETEX/DEL rejects with "Command timed out" (default: none). */
  commandTimeout: 1000,
  /**
   * Milliseconds without any byte from Redis while replies are due, after which the connection
   * is dropped and replaced (a black-holed or half-open connection; default: none).
   */
  socketTimeout: 2000,
  /**
   * Commands issued while reconnecting wait in the offline queue (bounded by `commandTimeout`),
   * so a short Redis restart costs a little latency instead of errors.
   */
  enableOfflineQueue: true,
  /** Queued commands fail after this many failed reconnection attempts (default: 20). */
  maxRetriesPerRequest: 1,
  /** Reconnect after 100 ms, 200 ms, … capped at 1 s, forever (default: capped at 5 s). */
  retryStrategy: (times: number) => Math.min(times * 100, 1000),
  /** RESP2 with a plain `AUTH password`, the commands Go's redigo sends. */
  protocol: 2,
  /** No `CLIENT SETINFO` at connect time (Go sends none). */
  disableClientInfo: true,
  /** The store connects explicitly, so that a failure at start rejects `NewStore`. */
  lazyConnect: true,
});

/**
 * Go's `net.Dial(network, address)` targets as ioredis options: `tcp`, `tcp4`, `tcp6` take
 * `host:port` (`:6379` is the local host, `[::1]:6379` an IPv6 literal); `unix` takes a socket path.
 * Throws Go's error text for an unknown network or an address without a port.
 */
export function addressOptions(network: string, address: string): RedisOptions {
  switch (network) {
    case "unix":
      return { path: address };
    case "tcp":
    case "tcp4":
    case "tcp6": {
      const { host, port } = splitHostPort(network, address);
      const family = network === "tcp4" ? 4 : network === "tcp6" ? 6 : undefined;
      return family === undefined ? { host, port } : { host, port, family };
    }
    default:
      throw new SessionsTypeError(
        "ERR_INVALID_CONFIG",
        `dial ${network}: unknown network ${network}`,
      );
  }
}

function splitHostPort(network: string, address: string): { host: string; port: number } {
  const fail = (why: string): never => {
    throw new SessionsTypeError(
      "ERR_INVALID_CONFIG",
      `dial ${network}: address ${address}: ${why}`,
    );
  };
  let host: string;
  let portText: string;
  if (address.startsWith("[")) {
    const end = address.indexOf("]");
    if (end < 0) fail("missing ']' in address");
    host = address.slice(1, end);
    if (address[end + 1] !== ":") fail("missing port in address");
    portText = address.slice(end + 2);
  } else {
    const colon = address.lastIndexOf(":");
    if (colon < 0) fail("missing port in address");
    host = address.slice(0, colon);
    if (host.includes(":")) fail("too many colons in address");
    portText = address.slice(colon + 1);
  }
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : Number.NaN;
  if (!(port >= 0 && port <= 65535)) fail("invalid port");
  return { host: host === "" ? "localhost" : host, port };
}
