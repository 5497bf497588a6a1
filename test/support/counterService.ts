/**
 * The counter service hit by many requests of one session at once, as the compare-and-set tests
 * of test/redis and test/rediscluster drive it, and the checks both make with it.
 */
import { setTimeout as sleep } from "node:timers/promises";
import * as assert from "uvu/assert";
import { Default, New } from "../../src/index.ts";
import type { Store } from "../../src/sessions/Store.ts";
import { startPeer } from "./peer.ts";
import { type Served, serve } from "./serve.ts";
import { name, pair } from "./storeCalls.ts";

/**
 * The counter service: `/start` stores count 0; `/set` reads the count, waits 5 ms (the
 * handler's own work, during which other requests run), then `Set`s count + 1; `/update`
 * does the same through `Update`. Both save and answer the count.
 */
export function counterService(store: Store): Promise<Served> {
  const mw = New(name, store);
  return serve((req, res) =>
    mw(req, res, async () => {
      const s = Default<{ count: number }>(req);
      try {
        if (req.url === "/start") s.Set("count", 0);
        else if (req.url === "/set") {
          const next = (s.Get("count") ?? 0) + 1;
          await sleep(5);
          s.Set("count", next);
        } else {
          await sleep(5);
          s.Update("count", (c) => (c ?? 0) + 1);
        }
        await s.Save();
        res.end(String(s.Get("count")));
      } catch (err) {
        res.statusCode = 500;
        res.end(String(err));
      }
    }),
  );
}

/** Starts a session on `url` (count 0) and returns its cookie pair. */
export async function startSession(url: string): Promise<string> {
  const res = await fetch(`${url}/start`);
  await res.text();
  const cookie = res.headers.getSetCookie()[0];
  if (cookie === undefined) throw new Error("no session cookie");
  return pair(cookie);
}

/** Sends every URL at once with `cookie`; resolves each response's status and body. */
export function allAtOnce(urls: string[], cookie: string) {
  return Promise.all(
    urls.map(async (url) => {
      const res = await fetch(url, { headers: { cookie } });
      return { status: res.status, body: await res.text() };
    }),
  );
}

/**
 * 200 concurrent `count + 1` (`/update`) of one session on the counter service over `store`:
 * every reply is 200, and the next `/update` answers 201.
 */
export async function twoHundredUpdates(store: Store): Promise<void> {
  const service = await counterService(store);
  try {
    const cookie = await startSession(service.url);
    const replies = await allAtOnce(Array(200).fill(`${service.url}/update`), cookie);
    assert.equal(
      replies.filter((r) => r.status !== 200),
      [],
    );
    assert.is((await allAtOnce([`${service.url}/update`], cookie))[0].body, "201");
  } finally {
    await service.close();
  }
}

/**
 * The same with the Go peer (compat/casstore) serving every other request: the peer starts
 * with `storeArgs` (its `-store` and `-redis`) on this session name and hash key with `-cas`;
 * every reply is 200 and Go's next `/incr` answers count 201. `then` runs before the service
 * and the peer stop. Without Go, nothing runs (startPeer printed the SKIPPED line).
 */
export async function twoHundredUpdatesWithGo(
  store: Store,
  storeArgs: string[],
  then?: (urls: { node: string; go: string }, cookie: string) => Promise<void>,
): Promise<void> {
  const peer = await startPeer([
    ...storeArgs,
    "-name",
    "session-key",
    "-hash-key",
    "secret-key",
    "-cas",
  ]);
  if (!peer) return;
  const service = await counterService(store);
  try {
    const cookie = await startSession(service.url);
    const urls = Array.from({ length: 200 }, (_, i) =>
      i % 2 === 0 ? `${service.url}/update` : `${peer.url}/incr`,
    );
    const replies = await allAtOnce(urls, cookie);
    assert.equal(
      replies.filter((r) => r.status !== 200),
      [],
    );
    assert.is((await allAtOnce([`${peer.url}/incr`], cookie))[0].body, '{"count":201}');
    await then?.({ node: service.url, go: peer.url }, cookie);
  } finally {
    await service.close();
    await peer.stop();
  }
}
