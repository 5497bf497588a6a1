/**
 * The robustness soak: bounded, loopback only, stops by itself, checks its own results and
 * exits 1 when one fails.
 *
 *   npx tsx bench/soak.ts
 *
 * 1. Cookies: a million mutated and random cookies (and mutated stored values) through the
 *    middleware in process, over every key size and serializer (test/support/mutatedCookies.ts):
 *    each request a decoded session or a new one, no throw, no unhandled rejection.
 * 2. Redis outage under load: a server (bench/servers/soak.ts, the README pattern without
 *    try/catch, `OutagePolicy.Fail`) on a Redis that persists every write before answering
 *    (`appendfsync always`), loaded by autocannon while Redis is killed, restarted, paused
 *    (SIGSTOP) and resumed. Probe sessions check that no acknowledged count is ever lost: a
 *    200 with count c means the SETEX of c succeeded, so the session's next 200 must be > c.
 *    The server must stay up, no request may hang (autocannon's 5 s timeout), p99 must stay
 *    under 2.5 s (a GET and a SETEX, each bounded by the 1 s command timeout), and every
 *    probe must be served again after recovery.
 * 3. Redis Cluster failover under load: a master killed; the same checks, except lost writes
 *    are reported, not failed (replication is asynchronous: a write the master acknowledged
 *    in its last moments may not have reached the replica that takes over).
 * 4. Memory: the cookie and Redis stores under load for SOAK_RSS_SECONDS (300); RSS after
 *    SOAK_WARMUP_SECONDS (30) against RSS at the end (medians of the samples of the first and
 *    last 20 s, read from /proc): growth under 10%.
 *
 * Environment: SOAK_COOKIES (1000000), SOAK_OUTAGE_SECONDS (40), SOAK_RSS_SECONDS (300),
 * SOAK_WARMUP_SECONDS (30), SOAK_PHASES (cookies,outage,cluster,rss).
 */
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { fuzz } from "../test/support/mutatedCookies.ts";
import { startRedis, startRedisCluster } from "../test/support/redisServer.ts";
import { launch, type RunningServer } from "./servers/shared/launch.ts";

const num = (k: string, d: number) => Number(process.env[k] ?? d);
const phases = new Set((process.env.SOAK_PHASES ?? "cookies,outage,cluster,rss").split(","));
const failures: string[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function check(ok: boolean, what: string): void {
  console.log(`  ${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) * 1024 : Number.NaN;
}

const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;

// --- load --------------------------------------------------------------------------------

async function firstCookie(url: string): Promise<string> {
  const res = await fetch(`${url}/counter`);
  await res.text();
  const c = res.headers.getSetCookie()[0];
  if (!c) throw new Error(`no cookie from ${url}`);
  return c.split(";")[0];
}

function load(url: string, seconds: number, cookie: string): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections: 10,
    duration: seconds,
    timeout: 5,
    requests: [
      { method: "GET", path: "/counter", headers: { cookie } },
      { method: "GET", path: "/counter" },
    ],
  });
}

/** A user: sequential requests with a cookie jar, checking that no acknowledged count is lost. */
class Probe {
  cookie = "";
  lastAck = 0;
  lost = 0;
  ok = 0;
  failed = 0;
  latencies: number[] = [];
  private readonly url: string;

  constructor(url: string) {
    this.url = url;
  }

  async once(): Promise<number> {
    const t0 = Date.now();
    try {
      const res = await fetch(`${this.url}/counter`, {
        headers: this.cookie ? { cookie: this.cookie } : {},
        signal: AbortSignal.timeout(5000),
      });
      const text = await res.text();
      this.latencies.push(Date.now() - t0);
      if (res.status !== 200) {
        this.failed++;
        return res.status;
      }
      const set = res.headers.getSetCookie()[0];
      if (set) this.cookie = set.split(";")[0];
      const count = Number(text);
      if (count <= this.lastAck) this.lost++;
      this.lastAck = count;
      this.ok++;
      return 200;
    } catch {
      this.latencies.push(Date.now() - t0);
      this.failed++;
      return 0;
    }
  }

  async run(until: () => boolean): Promise<void> {
    while (!until()) {
      await this.once();
      await sleep(20);
    }
  }

  /** Retries until served (recovery), up to `ms`. */
  async recover(ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if ((await this.once()) === 200) return true;
      await sleep(100);
    }
    return false;
  }
}

function p99(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.99))] ?? 0;
}

/** Loads `server` for `seconds` with probes while `faults` runs; checks what phase 2 says. */
async function underFaults(
  label: string,
  server: RunningServer,
  seconds: number,
  faults: () => Promise<void>,
  strictWrites: boolean,
): Promise<void> {
  const url = `http://127.0.0.1:${server.port}`;
  const cookie = await firstCookie(url);
  const probes = Array.from({ length: 8 }, () => new Probe(url));
  let done = false;
  const running = probes.map((p) => p.run(() => done));
  const [result] = await Promise.all([load(url, seconds, cookie), faults()]);
  done = true;
  await Promise.all(running);
  const recovered = await Promise.all(probes.map((p) => p.recover(10_000)));
  const lost = probes.reduce((n, p) => n + p.lost, 0);
  const probeP99 = p99(probes.flatMap((p) => p.latencies));
  const served = probes.reduce((n, p) => n + p.ok, 0);
  const refused = probes.reduce((n, p) => n + p.failed, 0);
  console.log(
    `  ${label}: ${result.requests.total} requests (${result["2xx"]} 2xx, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts), p99 ${result.latency.p99} ms; probes ${served} served, ${refused} refused, p99 ${probeP99} ms, ${lost} acknowledged counts lost`,
  );
  check(alive(server.pid), `${label}: the server process stayed up`);
  check(result.timeouts === 0, `${label}: no request hung past 5 s (${result.timeouts})`);
  check(result.latency.p99 <= 2500, `${label}: load p99 ${result.latency.p99} ms <= 2500 ms`);
  check(probeP99 <= 2500, `${label}: probe p99 ${probeP99} ms <= 2500 ms`);
  check(result.non2xx > 0 && refused > 0, `${label}: the outage was seen (503s)`);
  check(recovered.every(Boolean), `${label}: every probe served again after recovery`);
  if (strictWrites) check(lost === 0, `${label}: no acknowledged write lost (${lost})`);
  else console.log(`  info ${label}: ${lost} acknowledged writes lost in the failover`);
}

// --- phases ------------------------------------------------------------------------------

if (phases.has("cookies")) {
  const count = num("SOAK_COOKIES", 1_000_000);
  console.log(`1. ${count} mutated cookies through the middleware`);
  const t0 = Date.now();
  const s = await fuzz(count);
  console.log(
    `  ${s.requests} requests in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${s.decoded} decoded, ${s.fresh} new sessions`,
  );
  check(s.failures.length === 0, `no throw, rejection or forged decode ${s.failures.slice(0, 3)}`);
  check(s.unhandled === 0, `no unhandled rejection (${s.unhandled})`);
  check(s.requests === count && s.decoded + s.fresh === count, "every request decoded or new");
}

if (phases.has("outage")) {
  const seconds = num("SOAK_OUTAGE_SECONDS", 40);
  console.log(`2. Redis killed, restarted, paused and resumed under load (${seconds} s)`);
  const redis = await startRedis({ appendOnly: true });
  if (!redis) throw new Error("redis-server is needed");
  const server = await launch("soak-redis", "soak.ts", {
    SOAK_STORE: "redis",
    SOAK_REDIS: `127.0.0.1:${redis.port}`,
    SOAK_POLICY: "fail",
  });
  const step = (seconds * 1000) / 8;
  try {
    await underFaults(
      "redis",
      server,
      seconds,
      async () => {
        await sleep(step);
        await redis.kill();
        await sleep(step);
        await redis.restart();
        await sleep(step);
        redis.pause();
        await sleep(step);
        redis.resume();
        await sleep(step);
        await redis.kill();
        await sleep(step / 4);
        await redis.restart();
      },
      true,
    );
  } finally {
    redis.resume();
    await server.stop();
    await redis.stop();
  }
}

if (phases.has("cluster")) {
  const seconds = Math.max(20, num("SOAK_OUTAGE_SECONDS", 40) * 0.75);
  console.log(`3. Redis Cluster: a master killed under load (${seconds} s)`);
  const cluster = await startRedisCluster();
  if (!cluster) throw new Error("redis-server and redis-cli are needed");
  const server = await launch("soak-cluster", "soak.ts", {
    SOAK_STORE: "rediscluster",
    SOAK_REDIS: cluster.nodes.map((n) => `${n.host}:${n.port}`).join(","),
    SOAK_POLICY: "fail",
  });
  try {
    await underFaults(
      "rediscluster",
      server,
      seconds,
      async () => {
        await sleep(4000);
        await cluster.killMaster(0);
      },
      false,
    );
  } finally {
    await server.stop();
    await cluster.stop();
  }
}

if (phases.has("rss")) {
  const seconds = num("SOAK_RSS_SECONDS", 300);
  const warmup = num("SOAK_WARMUP_SECONDS", 30);
  console.log(`4. RSS under load: cookie and Redis stores, ${seconds} s after ${warmup} s warm-up`);
  const redis = await startRedis();
  if (!redis) throw new Error("redis-server is needed");
  const servers: Array<[string, RunningServer]> = [
    ["cookie", await launch("soak-cookie", "soak.ts", { SOAK_STORE: "cookie" })],
    [
      "redis",
      await launch("soak-rss-redis", "soak.ts", {
        SOAK_STORE: "redis",
        SOAK_REDIS: `127.0.0.1:${redis.port}`,
      }),
    ],
  ];
  try {
    const samples = servers.map(() => [] as Array<[number, number]>);
    const t0 = Date.now();
    const sampler = setInterval(() => {
      servers.forEach(([, s], i) => {
        samples[i].push([(Date.now() - t0) / 1000, rssOf(s.pid)]);
      });
    }, 2000);
    const results = await Promise.all(
      servers.map(async ([, s]) => {
        const url = `http://127.0.0.1:${s.port}`;
        return load(url, warmup + seconds, await firstCookie(url));
      }),
    );
    clearInterval(sampler);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    servers.forEach(([label, s], i) => {
      const window = 20;
      const start = median(
        samples[i].filter(([t]) => t >= warmup && t < warmup + window).map(([, r]) => r),
      );
      const endT = samples[i].at(-1)![0];
      const end = median(samples[i].filter(([t]) => t > endT - window).map(([, r]) => r));
      const growth = (end - start) / start;
      const r = results[i];
      console.log(
        `  ${label}: ${r.requests.total} requests (${Math.round(r.requests.average)}/s, ${r.non2xx} non-2xx, ${r.errors} errors), RSS ${mb(start)} after warm-up, ${mb(end)} at the end: ${(growth * 100).toFixed(1)}%`,
      );
      check(alive(s.pid), `${label}: the server process stayed up`);
      check(r.non2xx === 0 && r.errors === 0, `${label}: every request served`);
      check(growth < 0.1, `${label}: RSS growth ${(growth * 100).toFixed(1)}% < 10%`);
    });
  } finally {
    for (const [, s] of servers) await s.stop();
    await redis.stop();
  }
}

console.log(failures.length === 0 ? "soak: all checks passed" : `soak: ${failures.length} failed`);
process.exit(failures.length === 0 ? 0 : 1);
