/**
 * The counter service hit by many requests of one session at once, as the compare-and-set tests
 * of test/redis and test/rediscluster drive it.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { Default, New } from "../../src/index.ts";
import type { Store } from "../../src/sessions/Store.ts";
import { type Served, serve } from "../sessions/serve.ts";
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
