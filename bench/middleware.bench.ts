/**
 * What the session costs a request in JavaScript, without sockets: the counter route of the
 * HTTP benchmark (`New("mysession", cookie.NewStore(hashKey32, blockKey32))`, read the count,
 * add one, `Save()`) on a `node:http` request and response made in-process, each request
 * carrying the cookie the previous response set, next to a baseline that makes the same
 * request and response and sets a constant `Set-Cookie`. Their difference is the session's
 * own cost per request, which the loopback HTTP benchmark blurs with the kernel's. The naive
 * hand-rolled cookie of the HTTP benchmark (`servers/shared/naiveCookie.ts`) runs the same
 * route alongside, for scale.
 *
 *     npx tsx bench/middleware.bench.ts
 *
 * Verifies first that the counts go 1, 2, 3, ... (and exits non-zero when not). The routes'
 * rounds alternate, so a neighbour's load weighs on all of them; the median round of each is
 * reported.
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | BENCH_ROUNDS | 9 | measured rounds of each (the median is reported) |
 * | BENCH_REQUESTS | 20000 | requests per round |
 */
import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { NewStore } from "../src/cookie/index.ts";
import { Default, New } from "../src/index.ts";
import { blockKey32, hashKey32 } from "./servers/shared/keys.ts";
import { naiveSetCookie, open } from "./servers/shared/naiveCookie.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20_000);

const sessions = New("mysession", NewStore(hashKey32, blockKey32));
const socket = new Socket();

/** A request carrying `cookie` (a `name=value` pair, or none), and its response. */
function exchange(cookie: string): [IncomingMessage, ServerResponse] {
  const req = new IncomingMessage(socket);
  req.headers = cookie === "" ? {} : { cookie };
  return [req, new ServerResponse(req)];
}

/** The `name=value` pair of the response's Set-Cookie. */
function pairOf(res: ServerResponse): string {
  const line = String(res.getHeader("set-cookie"));
  return line.slice(0, line.indexOf(";"));
}

/** A route: answers one request and returns the count it saved, keeping its cookie. */
type Route = () => Promise<number>;

let sessionCookie = "";
/** The counter route on hertz-sessions. */
async function counter(): Promise<number> {
  const [req, res] = exchange(sessionCookie);
  let count = 0;
  await sessions(req, res, async () => {
    const s = Default(req);
    count = ((s.Get("count") as number | undefined) ?? 0) + 1;
    s.Set("count", count);
    await s.Save();
  });
  sessionCookie = pairOf(res);
  return count;
}

let naiveCookie = "";
/** The counter route on the naive hand-rolled cookie. */
async function naive(): Promise<number> {
  const [, res] = exchange(naiveCookie);
  const data = open(naiveCookie.slice(naiveCookie.indexOf("=") + 1));
  const count = (data.count ?? 0) + 1;
  data.count = count;
  res.setHeader("set-cookie", naiveSetCookie("session", data));
  naiveCookie = pairOf(res);
  return count;
}

/** The same request and response, a constant cookie, no session. */
async function baseline(): Promise<number> {
  const [, res] = exchange(sessionCookie);
  res.setHeader("set-cookie", "mysession=constant; Path=/");
  return 1;
}

/** µs per request over one round. */
async function round(route: Route): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < REQUESTS; i++) await route();
  return Number(process.hrtime.bigint() - start) / 1e3 / REQUESTS;
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

type RouteName = "baseline" | "session" | "naive";
const routes: Record<RouteName, Route> = { baseline, session: counter, naive };
const names = Object.keys(routes) as RouteName[];

for (const route of [counter, naive]) {
  for (let want = 1; want <= 3; want++) {
    const got = await route();
    if (got !== want) {
      console.error(`middleware bench: ${route.name}: expected count ${want}, got ${got}`);
      process.exit(1);
    }
  }
}

// Warm-up, then the routes in turn, round after round.
const times: Record<RouteName, number[]> = { baseline: [], session: [], naive: [] };
for (const name of names) await round(routes[name]);
for (let r = 0; r < ROUNDS; r++) {
  for (const name of names) times[name].push(await round(routes[name]));
}
const expected = 3 + REQUESTS * (ROUNDS + 1) + 1;
for (const route of [counter, naive]) {
  const final = await route();
  if (final !== expected) {
    console.error(
      `middleware bench: ${route.name}: the count drifted to ${final}, not ${expected}`,
    );
    process.exit(1);
  }
}

const base = median(times.baseline);
const own = (name: RouteName) => median(times[name]) - base;
const row = (label: string, us: number) => `  ${label.padEnd(40)} ${us.toFixed(2).padStart(6)} µs`;
console.log(
  `counter route in-process, median of ${ROUNDS} rounds × ${REQUESTS} requests (AES-256 + HMAC-SHA256)`,
);
console.log(row("request + response alone", base));
console.log(row("hertz-sessions cookie store (gob)", median(times.session)));
console.log(row("naive hand-rolled JSON cookie", median(times.naive)));
console.log(row("  session's own cost", own("session")));
console.log(row("  naive cookie's own cost", own("naive")));
console.log(`  naive / session, own costs: ${(own("naive") / own("session")).toFixed(2)}×`);
