/**
 * The per-request cache behind `Store.Get` (gorilla's registry): one load per name and
 * request.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { GorillaSession } from "../../src/sessions/GorillaSession.ts";
import { type CachedStore, requestCache } from "../../src/sessions/requestCache.ts";
import type { SessionResult, Store } from "../../src/sessions/Store.ts";
import { fakeRequest } from "../support/fakeHttp.ts";

const fakeReq = () => fakeRequest();

/** A store counting its loads. */
function countingStore() {
  const loads: string[] = [];
  const load = (name: string): SessionResult => {
    loads.push(name);
    return [GorillaSession.New({} as Store, name), null];
  };
  const store: CachedStore = {
    New: (_req, name) => Promise.resolve(load(name)),
    NewSession: (name) => GorillaSession.New({} as Store, name),
  };
  return { store, loads };
}

test("each name is loaded once per request, the first and the others alike", async () => {
  const { store, loads } = countingStore();
  const req = fakeReq();
  const [a] = await requestCache(req, "a", store);
  const [b] = await requestCache(req, "b", store);
  const [c] = await requestCache(req, "c", store);
  assert.is((await requestCache(req, "a", store))[0], a);
  assert.is((await requestCache(req, "b", store))[0], b);
  assert.is((await requestCache(req, "c", store))[0], c);
  assert.equal(loads, ["a", "b", "c"]);
  // Another request loads again.
  await requestCache(fakeReq(), "a", store);
  assert.equal(loads, ["a", "b", "c", "a"]);
});

test("concurrent calls for a name share one load", async () => {
  const { store, loads } = countingStore();
  const req = fakeReq();
  const [first, second] = await Promise.all([
    requestCache(req, "s", store),
    requestCache(req, "s", store),
  ]);
  assert.is(first, second);
  assert.equal(loads, ["s"]);
});

test("an invalid name is an error and a new session, without a load", async () => {
  const { store, loads } = countingStore();
  const [session, err] = await requestCache(fakeReq(), "bad name", store);
  assert.is(session.Name(), "bad name");
  assert.match(String(err), /invalid character in cookie name: bad name/);
  const [, err2] = await requestCache(fakeReq(), "bad;name", store);
  assert.match(String(err2), /invalid character in cookie name/);
  assert.equal(loads, []);
});

test.run();
