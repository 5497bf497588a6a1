/**
 * Ceiling: a cookie "session" with no security at all, carrying as many bytes as the cookie
 * store's: the count in plain text, padded to the 172 characters of the cookie store's value,
 * and the same attributes. What is left of its cost is the cookie's round trip itself (the
 * load generator's jar, Node's header parsing and checks): no session can be faster here.
 */
import { createServer } from "node:http";
import { listen } from "./shared/listen.ts";
import { readCookie } from "./shared/readCookie.ts";
import { sendCount } from "./shared/sendCount.ts";

const COOKIE = "mysession";
const WIDTH = 172;

listen(
  createServer((req, res) => {
    const count = Number.parseInt(readCookie(req, COOKIE) ?? "0", 10) + 1;
    const expires = new Date(Date.now() + 2592000_000).toUTCString();
    const value = String(count).padStart(WIDTH, "0");
    res.setHeader("set-cookie", `${COOKIE}=${value}; Path=/; Expires=${expires}; Max-Age=2592000`);
    sendCount(res, count);
  }),
);
