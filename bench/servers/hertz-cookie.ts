/**
 * hertz-sessions with the cookie store, as a Hertz service would configure it:
 * `New("mysession", cookie.NewStore(hashKey32, blockKey32))` (HMAC-SHA256 + AES-256-CTR, gob).
 * Every request with the cookie decodes it and every Save() re-encodes it.
 */
import { createServer } from "node:http";
import { NewStore } from "../../src/cookie/index.ts";
import { Default, New } from "../../src/index.ts";
import { blockKey32, hashKey32 } from "./shared/keys.ts";
import { listen } from "./shared/listen.ts";
import { sendCount, sendError } from "./shared/sendCount.ts";

const mw = New("mysession", NewStore(hashKey32, blockKey32));

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
