/**
 * Driving a Redis-backed store without a server in front: requests carrying a cookie, `Save`
 * returning its Set-Cookie header, a request's session loaded as the middleware loads it,
 * timings of calls that may fail, rejections matched, cookies forged with an old timestamp.
 * Used by test/redis, test/rediscluster and test/sessions.
 */
import * as assert from "uvu/assert";
import { CodecsFromPairs, type SecureCookie } from "../../src/securecookie/index.ts";
import type { GorillaSession } from "../../src/sessions/GorillaSession.ts";
import { loadRequestSession, RequestSession } from "../../src/sessions/RequestSession.ts";
import type { Store } from "../../src/sessions/Store.ts";
import { request, response, setCookies } from "./fakeHttp.ts";

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

/** The session `name` of a request carrying `cookie`, loaded as the middleware loads it. */
export async function requestSession(store: Store, cookie?: string) {
  const req = request(cookie);
  const res = response(req);
  const s = new RequestSession(name, req, res, store);
  await loadRequestSession(s);
  /** The `name=value` pair of the last Set-Cookie written. */
  const cookieOut = () => pair(setCookies(res).at(-1) ?? "");
  return { s, res, cookieOut };
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

/** Resolves when `fn()` rejects with a message matching `re`; fails otherwise. */
export async function rejects(fn: () => Promise<unknown>, re: RegExp): Promise<void> {
  try {
    await fn();
  } catch (err) {
    assert.match((err as Error).message, re);
    return;
  }
  assert.unreachable(`expected a rejection matching ${re}`);
}

/** Codecs of `hashKey` whose clock is `seconds` in the past (to forge old cookies). */
export function backdated(seconds: number): SecureCookie[] {
  const codecs = CodecsFromPairs(hashKey);
  for (const c of codecs) c.timeFunc = () => Math.floor(Date.now() / 1000) - seconds;
  return codecs;
}
