/**
 * Driving a Redis-backed store without a server in front: requests carrying a cookie, `Save`
 * returning its Set-Cookie header, timings of calls that may fail. Used by test/redis and
 * test/rediscluster.
 */
import * as assert from "uvu/assert";
import type { GorillaSession } from "../../src/sessions/GorillaSession.ts";
import type { Store } from "../../src/sessions/Store.ts";
import { request, response, setCookies } from "../support/fakeHttp.ts";

/** The cookie name and hash key of the store tests. */
export const name = "session-key";
export const hashKey = Buffer.from("secret-key");

/** Saves `session` and returns the single Set-Cookie header written. */
export async function save(store: Store, session: GorillaSession): Promise<string> {
  const req = request();
  const res = response(req);
  await store.Save(req, res, session);
  const headers = setCookies(res);
  assert.is(headers.length, 1, "one Set-Cookie per Save");
  return headers[0];
}

/** The `name=value` pair of a Set-Cookie header, as a browser sends it back. */
export const pair = (setCookie: string) => setCookie.split(";")[0];

/** `store.New` for the session `name` of a request carrying `cookie`. */
export async function get(store: Store, cookie?: string) {
  const [session, err] = await store.New(request(cookie), name);
  return { session, err };
}

/** Runs `fn`, returning how long it took and its value or error. */
export async function timed<T>(
  fn: () => Promise<T>,
): Promise<{ ms: number; value?: T; error?: Error }> {
  const t0 = Date.now();
  try {
    const value = await fn();
    return { ms: Date.now() - t0, value };
  } catch (error) {
    return { ms: Date.now() - t0, error: error as Error };
  }
}
