/**
 * One cookie jar against the Go peer and the Node demo app (examples/app.ts) on the same
 * store: used by the Redis and Redis Cluster interop tests (redis.test.ts, rediscluster.test.ts).
 */
import type { AddressInfo } from "node:net";
import * as assert from "uvu/assert";
import { createApp } from "../../examples/app.ts";
import type { Store } from "../../src/sessions/Store.ts";
import type { CookieJar } from "../support/cookieJar.ts";

/** A service the jar talks to: `go` (the peer) or `node` (the demo app). */
export interface Side {
  name: string;
  url: string;
}

/** Serves the demo app on `store`, on a free loopback port. */
export async function listenApp(store: Store): Promise<{ node: Side; close: () => Promise<void> }> {
  const server = createApp(store);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    node: { name: "node", url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` },
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

/** GETs `path` on `side` with the jar, asserts 200, and returns the JSON body. */
export async function call(jar: CookieJar, side: Side, path: string): Promise<unknown> {
  const res = await jar.fetch(`${side.url}${path}`);
  const body = await res.json();
  assert.is(res.status, 200, `${side.name} ${path}: ${JSON.stringify(body)}`);
  return body;
}

/** The session ID `side` sees for the jar's cookie. */
export const sessionId = async (jar: CookieJar, side: Side) =>
  ((await call(jar, side, "/id")) as { id: string }).id;
