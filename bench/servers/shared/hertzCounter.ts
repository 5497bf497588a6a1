/**
 * The counter route on hertz-sessions, whatever the store: `New("mysession", store)`, then
 * read the count, add one, `Save()`, answer it. Every hertz-sessions contender serves this.
 */
import { createServer } from "node:http";
import { Default, New, type Store } from "../../../src/index.ts";
import { listen } from "./listen.ts";
import { sendCount, sendError } from "./sendCount.ts";

export function listenCounter(store: Store): void {
  const mw = New("mysession", store);
  listen(
    createServer((req, res) =>
      mw(req, res, async () => {
        try {
          const s = Default(req);
          const count = ((s.Get("count") as number | undefined) ?? 0) + 1;
          s.Set("count", count);
          await s.Save();
          sendCount(res, count);
        } catch (err) {
          sendError(res, err);
        }
      }),
    ),
  );
}
