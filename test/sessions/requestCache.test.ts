/**
 * The per-request cache behind `Store.Get` (gorilla's registry): one load per name and
 * request, whether the store loads asynchronously (`New`) or at once (`NewSync`).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { GorillaSession } from "../../src/sessions/GorillaSession.ts";
import {
  type CachedStore,
  requestCache,
  requestCacheSync,
} from "../../src/sessions/requestCache.ts";
import type { SessionResult, Store } from "../../src/sessions/Store.ts";
import { fakeRequest } from "../support/fakeHttp.ts";

const fakeReq = () => fakeRequest();

/** A store counting its loads; synchronous ones too when `sync`. */
function countingStore(sync: boolean) {
  const loads: string[] = [];
  const load = (name: string): SessionResult => {
    loads.push(name);
    return [GorillaSession.New({} as Store, name), null];
  };
  const store: CachedStore = {
    New: (_req, name) => Promise.resolve(load(name)),
    NewSession: (name) => GorillaSession.New({} as Store, name),
  };
  if (sync) store.NewSync = (_req, name) => load(name);
  return { store, loads };
}

test("each name is loaded once per request, the first and the others alike", async () => {
  for (const sync of [false, true]) {
    const { store, loads } = countingStore(sync);
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
  }
});

test("a synchronous store: requestCacheSync and requestCache give the same session", async () => {
  const { store, loads } = countingStore(true);
  const req = fakeReq();
  const now = requestCacheSync(req, "s", store);
  assert.ok(now !== undefined);
  assert.is((await requestCache(req, "s", store))[0], now[0]);
  assert.is(requestCacheSync(req, "s", store), now);
  const [other] = await requestCache(req, "t", store);
  assert.is(requestCacheSync(req, "t", store)?.[0], other);
  assert.equal(loads, ["s", "t"]);
});

test("a name loaded asynchronously first has no synchronous result", async () => {
  const asyncStore = countingStore(false);
  const syncStore = countingStore(true);
  const req = fakeReq();
  await requestCache(req, "s", asyncStore.store);
  assert.is(requestCacheSync(req, "s", syncStore.store), undefined);
  assert.equal(syncStore.loads, []);
});

test("an invalid name is an error and a new session, without a load", async () => {
  const { store, loads } = countingStore(true);
  const [session, err] = await requestCache(fakeReq(), "bad name", store);
  assert.is(session.Name(), "bad name");
  assert.match(String(err), /invalid character in cookie name: bad name/);
  const [, errSync] = requestCacheSync(fakeReq(), "bad;name", store)!;
  assert.match(String(errSync), /invalid character in cookie name/);
  assert.equal(loads, []);
});

test.run();
