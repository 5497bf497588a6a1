/**
 * HTTP benchmark: the "counter" route (read the session, count + 1, save, answer the count) on
 * each contender, driven by autocannon on loopback.
 *
 * - Each contender is its own server process (`bench/servers/<id>.ts`), run one after another so
 *   they never compete for the CPU; autocannon runs in this process.
 * - Every connection carries its own cookie jar, updated from each response's `Set-Cookie`: a
 *   request sends the cookie the previous response set, so each request decodes the session the
 *   last one encoded, and the bench checks that each connection's counts go 1, 2, 3, ...
 * - Before its load, each contender must answer 1 then 2 to two requests sharing a cookie.
 * - `plain-cookie` carries a cookie as long as the cookie store's with no security at all: the
 *   cost of the cookie's round trip itself, the ceiling of any cookie session here.
 * - The `go-hertz-*` contenders are the Go peer (`compat/cmd/peer`): a real Hertz service on
 *   hertz-contrib/sessions with GOMAXPROCS=1, with the same keys and store settings as the
 *   hertz-sessions contender it faces, serving its `/incr` route (the same counter, answering
 *   `{"count":N}`). It runs on Hertz's standard transport (Go's net), which costs it less CPU per
 *   request here than netpoll (the same on the cookie store, about 90 against 130 µs on the Redis
 *   store); BENCH_GO_TRANSPORT=netpoll picks netpoll. It is built with `go build` at the start of
 *   the run; without `go` these contenders are skipped with a line saying so.
 * - Figures are ratios against the bare `node:http` handler, which stays up all run and is
 *   measured again between contenders: each contender is divided by the mean of the baseline
 *   runs right before and right after it, so a neighbour's load on a shared machine weighs on
 *   both sides of the ratio alike.
 *
 * Environment: BENCH_DURATION (measured seconds per contender, default 5), BENCH_WARMUP
 * (default 2), BENCH_CONNECTIONS (default 10), BENCH_ROUNDS (default 1; with more, contenders
 * are interleaved round by round, ratios are taken within each round and their median over the
 * rounds is reported), BENCH_ONLY (comma-separated contender ids; the baseline always runs),
 * BENCH_REDIS=0 (skip the Redis contenders), BENCH_GO=0 (skip the Go contenders),
 * BENCH_GO_TRANSPORT (standard or netpoll, default standard).
 *
 * Exit status is non-zero only when a contender answers wrongly (or fails to run), never
 * because a target is missed. The table is also written to bench/results/http-latest.json.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { startRedis, startRedisCluster } from "../test/support/redisServer.ts";
import { haveTool } from "../test/support/tools.ts";
import { cpuTimeUs } from "./servers/shared/cpuTime.ts";
import { blockKey32, hashKey32 } from "./servers/shared/keys.ts";
import { launch, launchPeer, type RunningServer } from "./servers/shared/launch.ts";
import { COUNTER_PATH, HOST } from "./servers/shared/listen.ts";

const repoRoot = fileURLToPath(new URL("../", import.meta.url));

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number`);
  return n;
}

const DURATION = envNumber("BENCH_DURATION", 5);
const WARMUP = envNumber("BENCH_WARMUP", 2);
const CONNECTIONS = Math.round(envNumber("BENCH_CONNECTIONS", 10));
const ROUNDS = Math.round(envNumber("BENCH_ROUNDS", 1));
const ONLY = (process.env.BENCH_ONLY ?? "").split(",").filter(Boolean);
const REDIS_ENABLED = process.env.BENCH_REDIS !== "0";
const GO_ENABLED = process.env.BENCH_GO !== "0";
const GO_TRANSPORT = process.env.BENCH_GO_TRANSPORT || "standard";

// ---------------------------------------------------------------------------------------------
// Contenders

type RedisNeed = "single" | "cluster";

interface Contender {
  /** Also the server's file name, `bench/servers/<id>.ts`, for the Node contenders. */
  id: string;
  label: string;
  /** True for a real session counter; false for the baseline's constant answer. */
  counts: boolean;
  /** Source files (from the repository root) the server imports. */
  needs?: string[];
  redis?: RedisNeed;
  /**
   * A Go peer contender: its command-line arguments, given the Redis environment. Its counter
   * route is `/incr`; the Node contenders serve COUNTER_PATH.
   */
  peerArgs?: (env: Record<string, string>) => string[];
}

// The stores serialize with gob by default.
const HERTZ = ["src/index.ts", "src/gob/index.ts"];

/** The Go peer's counter route (compat/cmd/peer/routes.go). */
const PEER_COUNTER_PATH = "/incr";
const PEER_SOURCE = "compat/cmd/peer/main.go";
const PEER_BIN = `${repoRoot}compat/bin/peer`;

/**
 * The peer's arguments, with the keys the Node contenders use (both are ASCII, so the flags
 * carry their exact bytes).
 */
function peerArgs(store: string, keys: "hash" | "hash+block", redis = ""): string[] {
  const args = [
    "-store",
    store,
    "-transport",
    GO_TRANSPORT,
    "-hash-key",
    hashKey32.toString("latin1"),
  ];
  if (keys === "hash+block") args.push("-block-key", blockKey32.toString("latin1"));
  if (redis) args.push("-redis", redis);
  return args;
}

const CONTENDERS: Contender[] = [
  { id: "bare", label: "bare node:http (baseline)", counts: false },
  { id: "plain-cookie", label: "plain cookie, no security (ceiling)", counts: true },
  { id: "naive", label: "naive AES-CTR+HMAC JSON cookie", counts: true },
  { id: "express-session", label: "express-session + MemoryStore", counts: true },
  { id: "fastify-secure-session", label: "@fastify/secure-session", counts: true },
  {
    id: "hertz-cookie",
    label: "hertz-sessions cookie store",
    counts: true,
    needs: [...HERTZ, "src/cookie/index.ts"],
  },
  {
    id: "go-hertz-cookie",
    label: "Go Hertz cookie store (GOMAXPROCS=1)",
    counts: true,
    peerArgs: () => peerArgs("cookie", "hash+block"),
  },
  { id: "bare-ioredis", label: "bare + ioredis GET+SET", counts: true, redis: "single" },
  {
    id: "express-session-connect-redis",
    label: "express-session + connect-redis",
    counts: true,
    redis: "single",
  },
  {
    id: "hertz-redis",
    label: "hertz-sessions redis store",
    counts: true,
    needs: [...HERTZ, "src/redis/index.ts"],
    redis: "single",
  },
  {
    id: "hertz-redis-cas",
    label: "hertz-sessions redis store, compare-and-set",
    counts: true,
    needs: [...HERTZ, "src/redis/index.ts"],
    redis: "single",
  },
  {
    id: "go-hertz-redis",
    label: "Go Hertz redis store (GOMAXPROCS=1)",
    counts: true,
    redis: "single",
    peerArgs: (env) => peerArgs("redis", "hash", env.BENCH_REDIS_ADDR),
  },
  {
    id: "hertz-rediscluster",
    label: "hertz-sessions rediscluster store",
    counts: true,
    needs: [...HERTZ, "src/rediscluster/index.ts"],
    redis: "cluster",
  },
  {
    id: "go-hertz-rediscluster",
    label: "Go Hertz rediscluster store (GOMAXPROCS=1)",
    counts: true,
    redis: "cluster",
    peerArgs: (env) => peerArgs("rediscluster", "hash", env.BENCH_REDIS_CLUSTER_ADDRS),
  },
];

function counterPath(c: Contender): string {
  return c.peerArgs ? PEER_COUNTER_PATH : COUNTER_PATH;
}

/**
 * A target on `subject` against `against`, measured within each round: `by: "reqPerSec"` needs
 * subject's req/s (over its bracketing baseline runs) / against's (over its own) >= `limit`;
 * `by: "cpu"` needs subject's server CPU per request / against's <= `limit`.
 */
interface Target {
  name: string;
  subject: string;
  against: string;
  by: "reqPerSec" | "cpu";
  limit: number;
}

const TARGETS: Target[] = [
  {
    name: "cookie store CPU/request <= 0.7x Go Hertz cookie store's",
    subject: "hertz-cookie",
    against: "go-hertz-cookie",
    by: "cpu",
    limit: 0.7,
  },
  {
    name: "Redis store CPU/request <= 0.7x Go Hertz Redis store's",
    subject: "hertz-redis",
    against: "go-hertz-redis",
    by: "cpu",
    limit: 0.7,
  },
  {
    name: "cookie store >= 80% of bare req/s",
    subject: "hertz-cookie",
    against: "bare",
    by: "reqPerSec",
    limit: 0.8,
  },
  {
    name: "cookie store >= 4x express-session req/s",
    subject: "hertz-cookie",
    against: "express-session",
    by: "reqPerSec",
    limit: 4,
  },
  {
    name: "compare-and-set >= 85% of SETEX req/s",
    subject: "hertz-redis-cas",
    against: "hertz-redis",
    by: "reqPerSec",
    limit: 0.85,
  },
  {
    name: "Redis store >= 2x express-session + connect-redis req/s",
    subject: "hertz-redis",
    against: "express-session-connect-redis",
    by: "reqPerSec",
    limit: 2,
  },
];

/** The hertz-sessions contenders and the Go Hertz contender each is compared with. */
const GO_PAIRS: [string, string][] = [
  ["hertz-cookie", "go-hertz-cookie"],
  ["hertz-redis", "go-hertz-redis"],
  ["hertz-rediscluster", "go-hertz-rediscluster"],
];

// ---------------------------------------------------------------------------------------------
// Redis servers (started only when a Redis contender runs)

interface RedisHandle {
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** Starts what `need` asks for, or says why it cannot (redis-server missing, say). */
async function startRedisFor(need: RedisNeed): Promise<RedisHandle | string> {
  if (need === "single") {
    const server = await startRedis();
    if (!server) return "redis-server is not installed";
    return { env: { BENCH_REDIS_ADDR: `${server.host}:${server.port}` }, stop: server.stop };
  }
  // Three masters without replicas: the store's path is the same, and it starts faster.
  const cluster = await startRedisCluster({ replicas: false });
  if (!cluster) return "redis-server or redis-cli is not installed";
  const addrs = cluster.nodes.map((n) => `${n.host}:${n.port}`).join(",");
  return { env: { BENCH_REDIS_CLUSTER_ADDRS: addrs }, stop: cluster.stop };
}

// ---------------------------------------------------------------------------------------------
// Correctness check: two requests sharing a cookie answer 1 then 2

class CookieJar {
  private readonly cookies = new Map<string, string>();
  /** The `Cookie` header to send, or "" before any cookie was set. */
  header = "";

  /** Stores each `name=value` of the given `Set-Cookie` header value(s). */
  update(setCookie: string | string[] | undefined): void {
    if (setCookie === undefined) return;
    for (const line of Array.isArray(setCookie) ? setCookie : [setCookie]) {
      const end = line.indexOf(";");
      const pair = end < 0 ? line : line.slice(0, end);
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    this.header = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

function parseCount(body: string): number | undefined {
  const m = /"count":(\d+)/.exec(body);
  return m ? Number(m[1]) : undefined;
}

async function checkCounter(c: Contender, port: number): Promise<string | null> {
  const jar = new CookieJar();
  const expected = c.counts ? [1, 2] : [1, 1];
  for (const want of expected) {
    const res = await fetch(`http://${HOST}:${port}${counterPath(c)}`, {
      headers: jar.header ? { cookie: jar.header } : {},
      signal: AbortSignal.timeout(10_000),
    });
    const body = await res.text();
    if (res.status !== 200) return `status ${res.status} (${body.slice(0, 200)})`;
    const got = parseCount(body);
    if (got !== want) return `expected count ${want}, got ${JSON.stringify(body.slice(0, 200))}`;
    const setCookie = res.headers.getSetCookie();
    if (c.counts && want === 1 && setCookie.length === 0) return "no Set-Cookie on a new session";
    jar.update(setCookie);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Load: autocannon with a cookie jar per connection

interface Load {
  result: autocannon.Result;
  /** Response times in ms (autocannon's own histogram keeps whole milliseconds only). */
  latencies: number[];
  /** Responses whose count was not the connection's previous count + 1 (or 1 for the baseline). */
  wrongCounts: number;
  firstWrong?: string;
}

function findHeader(headers: Record<string, unknown> | undefined, name: string): unknown {
  if (!headers) return undefined;
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name) return headers[key];
  return undefined;
}

function load(c: Contender, port: number, seconds: number): Promise<Load> {
  const out: Omit<Load, "result"> = { latencies: [], wrongCounts: 0 };
  const setupClient = (client: autocannon.Client) => {
    const jar = new CookieJar();
    let last = 0;
    client.on("response", (_status: number, _bytes: number, ms: number) => out.latencies.push(ms));
    client.setRequests([
      {
        method: "GET",
        path: counterPath(c),
        setupRequest: (req) => {
          if (jar.header) req.headers = { ...req.headers, cookie: jar.header };
          return req;
        },
        onResponse: (status, body, _context, headers) => {
          if (status !== 200) return; // counted by autocannon as non-2xx
          jar.update(findHeader(headers, "set-cookie") as string | string[] | undefined);
          const got = parseCount(body);
          const want = c.counts ? last + 1 : 1;
          if (got !== want) {
            out.wrongCounts++;
            out.firstWrong ??= `expected count ${want}, got ${JSON.stringify(body.slice(0, 120))}`;
          }
          last = got ?? last;
        },
      },
    ]);
  };
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `http://${HOST}:${port}${counterPath(c)}`,
        connections: CONNECTIONS,
        pipelining: 1,
        duration: seconds,
        setupClient,
      },
      (err, result) => (err ? reject(err) : resolve({ ...out, result })),
    );
  });
}

function loadProblem(l: Load): string | null {
  const r = l.result;
  const problems: string[] = [];
  if (r.errors > 0) problems.push(`${r.errors} errors (${r.timeouts} timeouts)`);
  if (r.non2xx > 0) problems.push(`${r.non2xx} non-2xx responses`);
  if (l.wrongCounts > 0) problems.push(`${l.wrongCounts} wrong counts, first: ${l.firstWrong}`);
  if (r.requests.total === 0) problems.push("no responses");
  return problems.length ? problems.join("; ") : null;
}

// ---------------------------------------------------------------------------------------------
// Measuring a contender

interface Sample {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Server process CPU time per response, µs (null without procfs). */
  cpuUsPerReq: number | null;
}

/** Starts a contender's server, checks its counter, and warms it up. */
async function prepare(c: Contender, env: Record<string, string>): Promise<RunningServer> {
  const server = c.peerArgs
    ? await launchPeer(c.id, PEER_BIN, c.peerArgs(env), { GOMAXPROCS: "1" })
    : await launch(c.id, `${c.id}.ts`, env);
  try {
    const wrong = await checkCounter(c, server.port);
    if (wrong) throw new Error(`correctness check failed: ${wrong}`);
    const warm = await load(c, server.port, WARMUP);
    const warmProblem = loadProblem(warm);
    if (warmProblem) throw new Error(`warm-up: ${warmProblem}`);
    return server;
  } catch (err) {
    await server.stop();
    throw err;
  }
}

/** One measured run against a prepared server. */
async function sample(c: Contender, server: RunningServer): Promise<Sample> {
  const cpuBefore = cpuTimeUs(server.pid);
  const run = await load(c, server.port, DURATION);
  const cpuAfter = cpuTimeUs(server.pid);
  const problem = loadProblem(run);
  if (problem) throw new Error(problem);
  const cpu = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
  return {
    reqPerSec: run.result.requests.average,
    p50Ms: percentile(run.latencies, 0.5),
    p99Ms: percentile(run.latencies, 0.99),
    requests: run.result.requests.total,
    cpuUsPerReq: cpu === null ? null : cpu / run.result.requests.total,
  };
}

// ---------------------------------------------------------------------------------------------
// Main

function percentile(xs: number[], q: number): number {
  const s = Float64Array.from(xs).sort();
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function round2(x: number, digits = 2): number {
  return Number(x.toFixed(digits));
}

function missingSource(c: Contender): string | null {
  const own = c.peerArgs ? PEER_SOURCE : `bench/servers/${c.id}.ts`;
  for (const f of [own, ...(c.needs ?? [])]) {
    if (!existsSync(`${repoRoot}${f}`)) return `${f} is not available yet`;
  }
  return null;
}

const selected = CONTENDERS.filter((c) => c.id === "bare" || !ONLY.length || ONLY.includes(c.id));
const skipped = new Map<string, string>();
const runnable: Contender[] = [];
for (const c of selected) {
  const why =
    missingSource(c) ??
    (c.redis && !REDIS_ENABLED ? "BENCH_REDIS=0" : null) ??
    (c.peerArgs && !GO_ENABLED ? "BENCH_GO=0" : null);
  if (why) skipped.set(c.id, why);
  else runnable.push(c);
}

/** Builds the Go peer once for the run: true when built, false (skip) without `go`. */
function buildPeer(): boolean {
  if (!haveTool("go")) return false;
  try {
    execFileSync("go", ["build", "-o", PEER_BIN, "./cmd/peer"], {
      cwd: `${repoRoot}compat`,
      stdio: ["ignore", "ignore", "pipe"],
    });
  } catch (err) {
    const why = (err as { stderr?: Buffer }).stderr?.toString().trim() || (err as Error).message;
    throw new Error(`go build ./cmd/peer failed: ${why}`);
  }
  return true;
}

const goUsers = runnable.filter((c) => c.peerArgs);
if (goUsers.length && !buildPeer()) {
  const why = "`go` is not installed (it builds the Go Hertz peer, compat/cmd/peer)";
  for (const c of goUsers) skipped.set(c.id, why);
}

// Start the Redis servers the runnable contenders need, once for the whole run.
const redis = new Map<RedisNeed, RedisHandle>();
for (const need of ["single", "cluster"] as const) {
  const users = runnable.filter((c) => c.redis === need);
  if (!users.length) continue;
  let handle: RedisHandle | string;
  try {
    handle = await startRedisFor(need);
  } catch (err) {
    handle = `starting redis failed: ${(err as Error).message}`;
  }
  if (typeof handle === "string") {
    for (const c of users) skipped.set(c.id, handle);
  } else {
    redis.set(need, handle);
  }
}

for (const [id, why] of skipped) console.log(`skipped ${id}: ${why}`);
const contenders = runnable.filter((c) => !skipped.has(c.id));

console.log(
  `counter route, ${CONNECTIONS} connections, warm-up ${WARMUP} s + ${DURATION} s measured` +
    `${ROUNDS > 1 ? `, ${ROUNDS} rounds (median)` : ""}, node ${process.version}, ` +
    `${cpus().length} CPUs; per-connection cookie updated from each Set-Cookie`,
);

/**
 * The baseline server stays up for the whole run and is measured again between contenders, so
 * each contender is compared with the baseline measured right before and right after it (the
 * mean of the two): on a shared machine the neighbours' load changes within a minute.
 */
interface Measured {
  sample: Sample;
  /** reqPerSec / the mean of the baseline runs bracketing it. */
  vsBare: number;
  /** The bracketing baseline runs' CPU per request / this one's (null without procfs). */
  cpuVsBare: number | null;
}

const bareContender = contenders.find((c) => c.id === "bare")!;
const bareSamples: Sample[] = [];
/** One map per round: contender id → its measurement in that round. */
const rounds: Map<string, Measured>[] = [];
const failures = new Map<string, string>();

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function report(id: string, s: Sample): void {
  const rate = Math.round(s.reqPerSec).toLocaleString("en-US").padStart(8);
  const cpu = s.cpuUsPerReq === null ? "" : `  cpu ${s.cpuUsPerReq.toFixed(1).padStart(6)} µs/req`;
  console.log(`  ${id.padEnd(30)} ${rate} req/s  p99 ${s.p99Ms.toFixed(2).padStart(6)} ms${cpu}`);
}

let bareServer: RunningServer | undefined;
try {
  bareServer = await prepare(bareContender, {});
  const measureBare = async (): Promise<Sample> => {
    const s = await sample(bareContender, bareServer!);
    bareSamples.push(s);
    report("bare", s);
    return s;
  };
  let before = await measureBare();
  for (let round = 1; round <= ROUNDS; round++) {
    if (ROUNDS > 1) console.log(`round ${round}`);
    const byId = new Map<string, Measured>();
    rounds.push(byId);
    for (const c of contenders) {
      if (c === bareContender || failures.has(c.id)) continue;
      let server: RunningServer | undefined;
      let s: Sample;
      try {
        server = await prepare(c, c.redis ? redis.get(c.redis)!.env : {});
        s = await sample(c, server);
        report(c.id, s);
      } catch (err) {
        failures.set(c.id, (err as Error).message);
        console.log(`  ${c.id.padEnd(30)} FAILED: ${(err as Error).message}`);
        continue;
      } finally {
        await server?.stop();
      }
      const after = await measureBare();
      const vsBare = s.reqPerSec / ((before.reqPerSec + after.reqPerSec) / 2);
      const cpuVsBare =
        s.cpuUsPerReq === null || before.cpuUsPerReq === null || after.cpuUsPerReq === null
          ? null
          : (before.cpuUsPerReq + after.cpuUsPerReq) / 2 / s.cpuUsPerReq;
      byId.set(c.id, { sample: s, vsBare, cpuVsBare });
      const cpuNote = cpuVsBare === null ? "" : ` (by server CPU per request: ${pct(cpuVsBare)})`;
      console.log(`    ${c.id}: ${pct(vsBare)} of the bare runs around it${cpuNote}`);
      before = after;
    }
  }
} catch (err) {
  failures.set("bare", (err as Error).message);
  console.log(`  bare FAILED: ${(err as Error).message}`);
} finally {
  await bareServer?.stop();
  for (const handle of redis.values()) await handle.stop();
}

interface Row {
  id: string;
  label: string;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  vsBare: number | null;
  cpuUsPerReq: number | null;
  /** Bare's server CPU per request / this contender's: its throughput share when CPU-bound. */
  cpuVsBare: number | null;
}

/**
 * req/s of `a` over req/s of `b`, each first taken against its bracketing baseline runs, median
 * over the rounds; null when no round has both.
 */
function ratio(a: string, b: string, by: "reqPerSec" | "cpu" = "reqPerSec"): number | null {
  const score = (r: Map<string, Measured>, id: string) => {
    if (id === "bare") return 1;
    const m = r.get(id);
    return (by === "cpu" ? m?.cpuVsBare : m?.vsBare) ?? undefined;
  };
  const rs = rounds.flatMap((r) => {
    const x = score(r, a);
    const y = score(r, b);
    return x === undefined || y === undefined ? [] : [x / y];
  });
  return rs.length ? median(rs) : null;
}

function summarize(id: string, label: string, ss: Sample[]): Row[] {
  if (!ss.length) return [];
  const vsBare = ratio(id, "bare");
  const cpuVsBare = ratio(id, "bare", "cpu");
  const cpuFigures = ss.flatMap((s) => (s.cpuUsPerReq === null ? [] : [s.cpuUsPerReq]));
  return [
    {
      id,
      label,
      reqPerSec: Math.round(median(ss.map((s) => s.reqPerSec))),
      p50Ms: round2(median(ss.map((s) => s.p50Ms))),
      p99Ms: round2(median(ss.map((s) => s.p99Ms))),
      requests: ss.reduce((n, s) => n + s.requests, 0),
      vsBare: vsBare === null ? null : round2(vsBare, 4),
      cpuUsPerReq: cpuFigures.length ? round2(median(cpuFigures)) : null,
      cpuVsBare: cpuVsBare === null ? null : round2(cpuVsBare, 4),
    },
  ];
}

const rows: Row[] = contenders.flatMap((c) =>
  c === bareContender
    ? summarize(c.id, c.label, bareSamples)
    : summarize(
        c.id,
        c.label,
        rounds.flatMap((r) => (r.has(c.id) ? [r.get(c.id)!.sample] : [])),
      ),
);

/**
 * Server CPU per request of `a` over `b`'s, each first taken against its bracketing baseline
 * runs, median over the rounds; null when no round has both.
 */
function cpuRatio(a: string, b: string): number | null {
  const r = ratio(a, b, "cpu");
  return r === null ? null : 1 / r;
}

/** Median over the rounds of `a`'s raw server CPU per request over `b`'s in the same round. */
function rawCpuRatio(a: string, b: string): number | null {
  const rs = rounds.flatMap((r) => {
    const x = r.get(a)?.sample.cpuUsPerReq;
    const y = r.get(b)?.sample.cpuUsPerReq;
    return x == null || y == null ? [] : [x / y];
  });
  return rs.length ? median(rs) : null;
}

console.log("");
console.log(
  `${"contender".padEnd(44)}${"req/s".padStart(8)}${"p99 ms".padStart(8)}${"vs bare".padStart(9)}` +
    `${"cpu µs/req".padStart(12)}${"cpu vs bare".padStart(13)}${"cpu vs Go".padStart(11)}`,
);
/** hertz-sessions contender id → its Go Hertz counterpart's id. */
const goOf = new Map(GO_PAIRS);
for (const r of rows) {
  const ratio = r.vsBare === null ? "-" : pct(r.vsBare);
  const cpu = r.cpuUsPerReq === null ? "-" : r.cpuUsPerReq.toFixed(1);
  const cpuShare = r.cpuVsBare === null ? "-" : pct(r.cpuVsBare);
  const go = goOf.get(r.id);
  const vsGo = go === undefined ? null : cpuRatio(r.id, go);
  const cpuGo = vsGo === null ? "" : `${vsGo.toFixed(2)}x`;
  console.log(
    `${r.label.padEnd(44)}${r.reqPerSec.toLocaleString("en-US").padStart(8)}` +
      `${r.p99Ms.toFixed(2).padStart(8)}${ratio.padStart(9)}${cpu.padStart(12)}` +
      `${cpuShare.padStart(13)}${cpuGo.padStart(11)}`,
  );
}

/** A target's outcome; both ratios are printed, the one in `by` is judged. */
interface TargetResult {
  name: string;
  by: Target["by"];
  status: "PASS" | "MISS" | "SKIP";
  limit: number;
  /** Subject's req/s over against's (bare-relative, median of rounds). */
  reqPerSecRatio: number | null;
  /** Subject's server CPU per request over against's (bare-relative, median of rounds). */
  cpuRatio: number | null;
}

const targets: TargetResult[] = TARGETS.map((t) => {
  const r = ratio(t.subject, t.against);
  const c = cpuRatio(t.subject, t.against);
  const reqPerSecRatio = r === null ? null : round2(r, 3);
  const cpu = c === null ? null : round2(c, 3);
  const judged = t.by === "cpu" ? c : r;
  const status =
    judged === null
      ? "SKIP"
      : (t.by === "cpu" ? judged <= t.limit : judged >= t.limit)
        ? "PASS"
        : "MISS";
  return { name: t.name, by: t.by, status, limit: t.limit, reqPerSecRatio, cpuRatio: cpu };
});

console.log("");
for (const t of targets) {
  const req = t.reqPerSecRatio === null ? null : `${t.reqPerSecRatio.toFixed(2)}x by req/s`;
  const cpu = t.cpuRatio === null ? null : `${t.cpuRatio.toFixed(2)}x the CPU per request`;
  const judged = t.by === "cpu" ? cpu : req;
  const other = t.by === "cpu" ? req : cpu;
  const need = t.by === "cpu" ? `need <= ${t.limit}x` : `need >= ${t.limit}x`;
  const detail =
    judged === null
      ? "(a contender did not run)"
      : `${judged} (${need})${other ? `; ${other}` : ""}`;
  console.log(`${t.status} ${t.name}: ${detail}`);
}

// hertz-sessions against Go Hertz on the same store, in the same rounds.
for (const [node, go] of GO_PAIRS) {
  const c = cpuRatio(node, go);
  const raw = rawCpuRatio(node, go);
  const r = ratio(node, go);
  if (c === null || raw === null || r === null) continue;
  console.log(
    `${node} vs ${go}: ${c.toFixed(2)}x the CPU per request (${raw.toFixed(2)}x raw), ` +
      `${r.toFixed(2)}x the req/s`,
  );
}

// The ceiling a cookie session can reach here, for reading the targets against it.
const ceiling = ratio("plain-cookie", "bare");
if (ceiling !== null) {
  console.log(
    `(a cookie of the cookie store's size with no security reaches ${pct(ceiling)} of bare)`,
  );
}

const resultsDir = new URL("./results/", import.meta.url);
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  new URL("http-latest.json", resultsDir),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      connections: CONNECTIONS,
      warmupSeconds: WARMUP,
      durationSeconds: DURATION,
      rounds: ROUNDS,
      cookies: "per connection, updated from each response's Set-Cookie",
      rows,
      targets,
      vsGo: Object.fromEntries(
        GO_PAIRS.map(([node, go]) => {
          const c = cpuRatio(node, go);
          const raw = rawCpuRatio(node, go);
          const r = ratio(node, go);
          return [
            `${node}/${go}`,
            {
              cpuRatio: c === null ? null : round2(c, 3),
              rawCpuRatio: raw === null ? null : round2(raw, 3),
              reqPerSecRatio: r === null ? null : round2(r, 3),
            },
          ];
        }),
      ),
      perRound: rounds.map((r) =>
        Object.fromEntries(
          [...r].map(([id, m]) => [
            id,
            {
              reqPerSec: Math.round(m.sample.reqPerSec),
              vsBare: round2(m.vsBare, 4),
              cpuVsBare: m.cpuVsBare === null ? null : round2(m.cpuVsBare, 4),
              cpuUsPerReq: m.sample.cpuUsPerReq === null ? null : round2(m.sample.cpuUsPerReq),
            },
          ]),
        ),
      ),
      bareRuns: bareSamples.map((s) => Math.round(s.reqPerSec)),
      skipped: Object.fromEntries(skipped),
      failures: Object.fromEntries(failures),
    },
    null,
    2,
  )}\n`,
);

if (failures.size > 0) {
  console.error(`\n${failures.size} contender(s) failed: ${[...failures.keys()].join(", ")}`);
  process.exit(1);
}
