/**
 * The counter route's response for the raw `node:http` contenders: `{"count":N}` as JSON.
 */
import type { ServerResponse } from "node:http";

export function sendCount(res: ServerResponse, count: number): void {
  const body = `{"count":${count}}`;
  res.writeHead(200, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
}

/** A 500 with the error on stderr: the driver counts non-2xx responses as failures. */
export function sendError(res: ServerResponse, err: unknown): void {
  console.error(err);
  if (!res.headersSent) res.writeHead(500);
  res.end();
}
