/**
 * Throwaway redis-server processes for the live tests: a single server, or a Redis Cluster
 * (3 masters, with one replica each by default), each on free loopback ports with its own
 * temp dir and no persistence. Both helpers resolve null when redis-server / redis-cli are
 * missing (a SKIPPED line is printed; under CI=true they throw instead).
 *
 *   const redis = await startRedis();
 *   if (!redis) return;
 *   await redis.command("TTL", "session_X"); // a one-shot RESP command
 *   await redis.stop();
 *
 * Every process is killed and every temp dir removed on stop(), and as a backstop when the
 * test process exits (a failed test may never reach its stop()).
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, isPortFree } from "./ports.ts";
import { needTool } from "./tools.ts";

/** A RESP reply: simple/bulk strings, integers, arrays, null; errors are thrown. */
export type RespReply = string | number | null | RespReply[];

export interface RedisNode {
  host: string;
  port: number;
}

export interface RedisServer extends RedisNode {
  /** `redis://127.0.0.1:PORT` (with `:password@` when one is set). */
  url: string;
  password?: string;
  /** The Unix socket path when started with `unixSocket: true`. */
  socketPath?: string;
  /** Sends one command on a fresh connection (AUTH first when a password is set). */
  command(...args: Array<string | number | Uint8Array>): Promise<RespReply>;
  /** Kills the server and removes its temp dir. */
  stop(): Promise<void>;
  /** SIGKILLs the server (a crash); restart() brings it back on the same port, empty. */
  kill(): Promise<void>;
  /** Kills (if running) and starts the server again on the same port, waiting for PING. */
  restart(): Promise<void>;
  /** SIGSTOPs the server (a hung Redis: connections stay open, nothing answers). */
  pause(): void;
  /** SIGCONTs a paused server; it answers what was queued meanwhile. */
  resume(): void;
}

export interface RedisCluster {
  /** Every node, in creation order (the first three were created as masters). */
  nodes: RedisNode[];
  password?: string;
  /** The current masters (from CLUSTER NODES), sorted by their first slot. */
  masters(): Promise<RedisNode[]>;
  /** The replicas of the master at `node`. */
  replicasOf(node: RedisNode): Promise<RedisNode[]>;
  /** Sends one command to `node`. */
  command(node: RedisNode, ...args: Array<string | number | Uint8Array>): Promise<RespReply>;
  /** Sends one keyed command to a master, following a MOVED redirect to the right one. */
  commandRouted(...args: Array<string | number | Uint8Array>): Promise<RespReply>;
  /** The master currently serving `key` (by CLUSTER KEYSLOT and the slot map). */
  masterOf(key: string): Promise<RedisNode>;
  /**
   * SIGKILLs a master (the i-th of masters(), or the given node) and returns it; unless
   * `wait` is false, resolves only once every live node has given its slots to a replica and
   * the cluster is ok again.
   */
  killMaster(which: number | RedisNode, wait?: boolean): Promise<RedisNode>;
  /** Waits until every live node says cluster_state:ok with all 16384 slots served. */
  waitOk(timeoutMs?: number): Promise<void>;
  /** Kills every node and removes the temp dirs. */
  stop(): Promise<void>;
}

// --- process bookkeeping --------------------------------------------------------------

const running = new Set<ChildProcess>();
const dirs = new Set<string>();
let backstop = false;

function installBackstop(): void {
  if (backstop) return;
  backstop = true;
  const cleanup = () => {
    for (const p of running) p.kill("SIGKILL");
    running.clear();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    dirs.clear();
  };
  process.on("exit", cleanup);
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.once(sig, () => {
      cleanup();
      process.kill(process.pid, sig);
    });
  }
}

function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.add(d);
  return d;
}

function removeDir(d: string): void {
  rmSync(d, { recursive: true, force: true });
  dirs.delete(d);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function killProc(p: ChildProcess | undefined): Promise<void> {
  if (!p || p.exitCode !== null || p.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    p.once("exit", () => resolve());
    p.kill("SIGKILL");
  });
}

// --- a minimal RESP client ------------------------------------------------------------

function encodeCommand(args: Array<string | number | Uint8Array>): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const a of args) {
    const b = typeof a === "string" || typeof a === "number" ? Buffer.from(String(a)) : a;
    parts.push(Buffer.from(`$${b.length}\r\n`), Buffer.from(b), Buffer.from("\r\n"));
  }
  return Buffer.concat(parts);
}

/** Parses one reply at `pos`; returns undefined when `buf` does not hold all of it yet. */
function parseReply(
  buf: Buffer,
  pos: number,
): { value: RespReply | Error; end: number } | undefined {
  const eol = buf.indexOf("\r\n", pos);
  if (eol < 0) return undefined;
  const line = buf.toString("utf8", pos + 1, eol);
  switch (buf[pos]) {
    case 0x2b: // +
      return { value: line, end: eol + 2 };
    case 0x2d: // -
      return { value: new Error(line), end: eol + 2 };
    case 0x3a: // :
      return { value: Number(line), end: eol + 2 };
    case 0x24: {
      // $
      const n = Number(line);
      if (n < 0) return { value: null, end: eol + 2 };
      if (buf.length < eol + 2 + n + 2) return undefined;
      return { value: buf.toString("latin1", eol + 2, eol + 2 + n), end: eol + 2 + n + 2 };
    }
    case 0x2a: {
      // *
      const n = Number(line);
      if (n < 0) return { value: null, end: eol + 2 };
      const items: RespReply[] = [];
      let at = eol + 2;
      for (let i = 0; i < n; i++) {
        const r = parseReply(buf, at);
        if (!r) return undefined;
        if (r.value instanceof Error) return r;
        items.push(r.value);
        at = r.end;
      }
      return { value: items, end: at };
    }
  }
  return { value: new Error(`unexpected RESP byte ${buf[pos]}`), end: buf.length };
}

/**
 * Sends `commands` on one connection and resolves the reply of the last one (the earlier
 * ones, e.g. AUTH, must not fail). Bulk strings come back as latin1 text (one char per byte).
 */
export function respCommand(
  node: RedisNode | { path: string },
  commands: Array<Array<string | number | Uint8Array>>,
  timeoutMs = 3_000,
): Promise<RespReply> {
  return new Promise((resolve, reject) => {
    const sock = "path" in node ? connect(node.path) : connect(node.port, node.host);
    let buf = Buffer.alloc(0);
    let pos = 0;
    let seen = 0;
    const done = (err: Error | null, value?: RespReply) => {
      clearTimeout(timer);
      sock.destroy();
      if (err) reject(err);
      else resolve(value ?? null);
    };
    const timer = setTimeout(() => done(new Error("redis: reply timeout")), timeoutMs);
    sock.on("error", (e) => done(e));
    sock.on("connect", () => sock.write(Buffer.concat(commands.map(encodeCommand))));
    sock.on("data", (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        const r = parseReply(buf, pos);
        if (!r) return;
        pos = r.end;
        seen++;
        if (r.value instanceof Error) return done(r.value);
        if (seen === commands.length) return done(null, r.value);
      }
    });
  });
}

function withAuth(password: string | undefined, args: Array<string | number | Uint8Array>) {
  return password ? [["AUTH", password], args] : [args];
}

async function waitFor(what: string, timeoutMs: number, check: () => Promise<boolean>) {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      if (await check()) return;
    } catch (e) {
      if ((e as { fatal?: boolean }).fatal) throw e;
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${last ?? ""}`);
    await sleep(50);
  }
}

// --- a single server ------------------------------------------------------------------

interface Spawned {
  proc: ChildProcess;
  output: () => string;
}

function spawnRedis(args: string[]): Spawned {
  const proc = spawn("redis-server", args, { stdio: ["ignore", "pipe", "pipe"] });
  running.add(proc);
  let out = "";
  const collect = (c: Buffer) => {
    out = (out + c.toString()).slice(-4000);
  };
  proc.stdout?.on("data", collect);
  proc.stderr?.on("data", collect);
  proc.on("exit", () => running.delete(proc));
  return { proc, output: () => out };
}

/** Starts redis-server and waits for it to answer PING (AUTH first with a password). */
async function launch(args: string[], node: RedisNode, password?: string): Promise<Spawned> {
  const s = spawnRedis(args);
  await waitFor(`redis-server on ${node.port}`, 10_000, async () => {
    if (s.proc.exitCode !== null) {
      throw Object.assign(new Error(`redis-server exited: ${s.output()}`), { fatal: true });
    }
    return (await respCommand(node, withAuth(password, ["PING"]), 1_000)) === "PONG";
  }).catch((e) => {
    s.proc.kill("SIGKILL");
    throw new Error(`${e.message}\n${s.output()}`);
  });
  return s;
}

function baseArgs(port: number, dir: string): string[] {
  return [
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--save",
    "",
    "--appendonly",
    "no",
    "--dir",
    dir,
    "--daemonize",
    "no",
    "--logfile",
    "",
  ];
}

export interface RedisOptions {
  password?: string;
  /** Also listen on a Unix socket in the temp dir (its path is `socketPath`). */
  unixSocket?: boolean;
  /**
   * Persist every write before acknowledging it (`appendonly yes`, `appendfsync always`), so
   * that `kill()` then `restart()` keeps every acknowledged write.
   */
  appendOnly?: boolean;
}

/** Starts a standalone redis-server on a free loopback port, or null without redis-server. */
export async function startRedis(opts: RedisOptions = {}): Promise<RedisServer | null> {
  if (!needTool("redis-server", "live Redis tests")) return null;
  installBackstop();
  const dir = tempDir("hs-redis-");
  const socketPath = opts.unixSocket ? join(dir, "redis.sock") : undefined;
  const host = "127.0.0.1";
  let port = 0;
  let current: Spawned | undefined;
  const argsFor = (p: number) => {
    const args = baseArgs(p, dir);
    if (opts.password) args.push("--requirepass", opts.password);
    if (socketPath) args.push("--unixsocket", socketPath, "--unixsocketperm", "700");
    if (opts.appendOnly) args.push("--appendonly", "yes", "--appendfsync", "always");
    return args;
  };
  // A port found free may be taken before redis binds it: try a few.
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    try {
      current = await launch(argsFor(port), { host, port }, opts.password);
      break;
    } catch (e) {
      if (attempt >= 2) {
        removeDir(dir);
        throw e;
      }
    }
  }
  const auth = opts.password ? `:${encodeURIComponent(opts.password)}@` : "";
  return {
    host,
    port,
    url: `redis://${auth}${host}:${port}`,
    password: opts.password,
    socketPath,
    command: (...args) => respCommand({ host, port }, withAuth(opts.password, args)),
    async kill() {
      await killProc(current?.proc);
    },
    pause() {
      current?.proc.kill("SIGSTOP");
    },
    resume() {
      current?.proc.kill("SIGCONT");
    },
    async restart() {
      await killProc(current?.proc);
      await waitFor(`port ${port} to be released`, 5_000, () => isPortFree(port));
      current = await launch(argsFor(port), { host, port }, opts.password);
    },
    async stop() {
      await killProc(current?.proc);
      removeDir(dir);
    },
  };
}

// --- a cluster ------------------------------------------------------------------------

/** A free port whose cluster bus port (port + 10000) is free too. */
async function freeClusterPort(taken: Set<number>): Promise<number> {
  for (;;) {
    const p = await freePort();
    if (p + 10000 > 65535 || taken.has(p) || taken.has(p + 10000)) continue;
    if (await isPortFree(p + 10000)) return p;
  }
}

interface ClusterNodeLine {
  node: RedisNode;
  flags: string[];
  masterId: string;
  id: string;
  firstSlot: number;
  /** Slot ranges served, inclusive. */
  ranges: Array<[number, number]>;
  connected: boolean;
}

function parseClusterNodes(text: string): ClusterNodeLine[] {
  return text
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const f = line.split(" ");
      const [hostPort] = f[1].split("@");
      const colon = hostPort.lastIndexOf(":");
      const slots = f.slice(8).filter((s) => /^\d/.test(s));
      return {
        id: f[0],
        node: {
          host: hostPort.slice(0, colon) || "127.0.0.1",
          port: Number(hostPort.slice(colon + 1)),
        },
        flags: f[2].split(","),
        masterId: f[3],
        connected: f[7] === "connected",
        firstSlot: slots.length ? Number(slots[0].split("-")[0]) : Number.POSITIVE_INFINITY,
        ranges: slots.map((r) => {
          const [a, b = a] = r.split("-");
          return [Number(a), Number(b)] as [number, number];
        }),
      };
    });
}

export interface RedisClusterOptions {
  /** One replica per master (6 nodes), needed for failover tests. Default true. */
  replicas?: boolean;
  password?: string;
  /** cluster-node-timeout in ms (default 1000: a failover takes a few seconds). */
  nodeTimeoutMs?: number;
}

/**
 * Starts 3 masters (plus 3 replicas unless `replicas: false`), joins them with
 * `redis-cli --cluster create`, and waits until every node reports cluster_state:ok and
 * every replica is in sync. Null without redis-server / redis-cli.
 */
export async function startRedisCluster(
  opts: RedisClusterOptions = {},
): Promise<RedisCluster | null> {
  if (!needTool("redis-server", "live Redis Cluster tests")) return null;
  if (!needTool("redis-cli", "live Redis Cluster tests")) return null;
  installBackstop();
  const replicas = opts.replicas ?? true;
  const count = replicas ? 6 : 3;
  const host = "127.0.0.1";
  const password = opts.password;
  const taken = new Set<number>();
  const nodes: RedisNode[] = [];
  const procs = new Map<number, Spawned>();
  const nodeDirs: string[] = [];

  const stop = async () => {
    await Promise.all([...procs.values()].map((s) => killProc(s.proc)));
    for (const d of nodeDirs) removeDir(d);
  };

  try {
    const launches: Promise<void>[] = [];
    for (let i = 0; i < count; i++) {
      const port = await freeClusterPort(taken);
      taken.add(port).add(port + 10000);
      const dir = tempDir(`hs-rediscluster-${i}-`);
      nodeDirs.push(dir);
      const node = { host, port };
      nodes.push(node);
      const args = [
        ...baseArgs(port, dir),
        "--cluster-enabled",
        "yes",
        "--cluster-config-file",
        join(dir, "nodes.conf"),
        "--cluster-node-timeout",
        String(opts.nodeTimeoutMs ?? 1000),
        // Replicas sync at once (the default waits 5 s for more replicas to share a transfer).
        "--repl-diskless-sync-delay",
        "0",
      ];
      if (password) args.push("--requirepass", password, "--masterauth", password);
      launches.push(
        launch(args, node, password).then((s) => {
          procs.set(port, s);
        }),
      );
    }
    await Promise.all(launches);

    const cliArgs = ["--cluster", "create", ...nodes.map((n) => `${n.host}:${n.port}`)];
    if (replicas) cliArgs.push("--cluster-replicas", "1");
    cliArgs.push("--cluster-yes");
    if (password) cliArgs.unshift("-a", password, "--no-auth-warning");
    await new Promise<void>((resolve, reject) => {
      execFile("redis-cli", cliArgs, { timeout: 30_000 }, (err, stdout, stderr) =>
        err
          ? reject(new Error(`redis-cli --cluster create: ${err.message}\n${stdout}${stderr}`))
          : resolve(),
      );
    });
  } catch (e) {
    await stop();
    throw e;
  }

  const command = (node: RedisNode, ...args: Array<string | number | Uint8Array>) =>
    respCommand(node, withAuth(password, args));

  const isAlive = (p: ChildProcess | undefined) =>
    !!p && p.exitCode === null && p.signalCode === null;
  const alive = () => nodes.filter((n) => isAlive(procs.get(n.port)?.proc));

  const clusterNodes = async (): Promise<ClusterNodeLine[]> => {
    for (const n of alive()) {
      try {
        return parseClusterNodes(String(await command(n, "CLUSTER", "NODES")));
      } catch {
        // try the next node
      }
    }
    throw new Error("no cluster node answers");
  };

  const masters = async () =>
    (await clusterNodes())
      .filter((l) => l.flags.includes("master") && l.firstSlot < Infinity)
      .filter((l) => !l.flags.includes("fail") && !l.flags.includes("fail?"))
      .sort((a, b) => a.firstSlot - b.firstSlot)
      .map((l) => l.node);

  const waitOk = (timeoutMs = 20_000) =>
    waitFor("cluster_state:ok on every node", timeoutMs, async () => {
      for (const n of alive()) {
        const info = String(await command(n, "CLUSTER", "INFO"));
        if (!info.includes("cluster_state:ok") || !info.includes("cluster_slots_ok:16384"))
          return false;
      }
      return true;
    });

  const cluster: RedisCluster = {
    nodes,
    password,
    masters,
    command,
    async replicasOf(master) {
      const lines = await clusterNodes();
      const m = lines.find((l) => l.node.port === master.port);
      return lines.filter((l) => m && l.masterId === m.id).map((l) => l.node);
    },
    async commandRouted(...args) {
      const [first] = await masters();
      try {
        return await command(first, ...args);
      } catch (e) {
        const moved = /^MOVED \d+ (\S+):(\d+)/.exec((e as Error).message);
        if (!moved) throw e;
        return command({ host: moved[1] || host, port: Number(moved[2]) }, ...args);
      }
    },
    async masterOf(key) {
      const lines = await clusterNodes();
      const live = lines.find((l) => alive().some((n) => n.port === l.node.port));
      const slot = Number(await command(live?.node ?? nodes[0], "CLUSTER", "KEYSLOT", key));
      const owner = lines.find(
        (l) =>
          l.flags.includes("master") &&
          !l.flags.includes("fail") &&
          l.ranges.some(([a, b]) => slot >= a && slot <= b),
      );
      if (!owner) throw new Error(`no master serves slot ${slot}`);
      return owner.node;
    },
    async killMaster(which, wait = true) {
      const m = typeof which === "number" ? (await masters())[which] : which;
      if (!m) throw new Error(`no master #${which}`);
      await killProc(procs.get(m.port)?.proc);
      if (wait) {
        // Every live node's own view, not just one's: a client that reloads the slot map from
        // a node still giving the dead master its slots would keep dialling it.
        await waitFor(
          `every node to give master ${m.port}'s slots to a replica`,
          30_000,
          async () => {
            for (const n of alive()) {
              const lines = parseClusterNodes(String(await command(n, "CLUSTER", "NODES")));
              if (lines.some((l) => l.node.port === m.port && l.ranges.length > 0)) return false;
            }
            return true;
          },
        );
        await waitOk();
      }
      return m;
    },
    waitOk,
    stop,
  };

  try {
    await waitOk();
    await waitFor("every node to know every other", 20_000, async () => {
      for (const n of alive()) {
        const info = String(await command(n, "CLUSTER", "INFO"));
        if (!info.includes(`cluster_known_nodes:${count}`)) return false;
      }
      return true;
    });
    if (replicas) {
      await waitFor("replicas in sync", 20_000, async () => {
        const lines = await clusterNodes();
        const slaves = lines.filter((l) => l.flags.includes("slave"));
        if (slaves.length !== 3) return false;
        for (const s of slaves) {
          const info = String(await command(s.node, "INFO", "replication"));
          if (!info.includes("master_link_status:up")) return false;
        }
        return true;
      });
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return cluster;
}
