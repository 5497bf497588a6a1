/**
 * Reference: the naive hand-rolled encrypted cookie session of `shared/naiveCookie.ts` on
 * `node:http`, serving the counter route.
 */
import { createServer } from "node:http";
import { listen } from "./shared/listen.ts";
import { naiveSetCookie, open } from "./shared/naiveCookie.ts";
import { readCookie } from "./shared/readCookie.ts";
import { sendCount } from "./shared/sendCount.ts";

const COOKIE = "session";

listen(
  createServer((req, res) => {
    const data = open(readCookie(req, COOKIE));
    const count = (data.count ?? 0) + 1;
    data.count = count;
    res.setHeader("set-cookie", naiveSetCookie(COOKIE, data));
    sendCount(res, count);
  }),
);
