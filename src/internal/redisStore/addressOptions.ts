/**
 * Go's `net.Dial(network, address)` targets as ioredis options, for the single-node store's
 * `(network, address)` and the cluster store's `host:port` seed nodes.
 */
import type { RedisOptions } from "ioredis";
import { SessionsTypeError } from "../../sessions/SessionsError.ts";

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
