/**
 * The Go reference peer (`compat/cmd/peer`): a real Hertz service on hertz-contrib/sessions
 * serving the demo routes of examples/app.ts. See compat/cmd/peer/main.go for its flags and
 * compat/cmd/peer/routes.go for the routes.
 *
 *   const peer = await startPeer(["-store", "cookie"]);
 *   if (!peer) return; // Go is not installed: skipped (a SKIPPED line was printed)
 *   const res = await fetch(`${peer.url}/login?user=ann`);
 *   await peer.stop();
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { goBinary } from "./gobin.ts";

export interface Peer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  /** SIGTERM, then SIGKILL after 2 s; resolves once the process has exited. */
  stop(): Promise<void>;
  /** Everything the peer wrote to stderr so far (session errors, panics). */
  stderr(): string;
  pid: number;
}

export interface PeerOptions {
  /** Extra environment; TZ defaults to UTC so decoded times have a fixed zone. */
  env?: Record<string, string>;
  /** How long to wait for the LISTENING line (default 15 s). */
  timeoutMs?: number;
}

const running = new Set<ChildProcess>();
let backstop = false;

/** Kills peers left running when the test process exits (a failed test skips its stop()). */
function installBackstop(): void {
  if (backstop) return;
  backstop = true;
  const killAll = () => {
    for (const p of running) p.kill("SIGKILL");
    running.clear();
  };
  process.on("exit", killAll);
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.once(sig, () => {
      killAll();
      process.kill(process.pid, sig);
    });
  }
}

/**
 * Builds (once) and starts the peer with `args` (`-addr 127.0.0.1:0` is added unless given),
 * resolving when it prints `LISTENING <url>`. Resolves null when Go is not installed.
 */
export async function startPeer(args: string[], opts: PeerOptions = {}): Promise<Peer | null> {
  const bin = goBinary("peer");
  if (!bin) return null;
  installBackstop();
  const argv = args.includes("-addr") ? args : ["-addr", "127.0.0.1:0", ...args];
  const proc = spawn(bin, argv, {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, TZ: "UTC", ...opts.env },
  });
  running.add(proc);
  let err = "";
  proc.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    err += chunk;
    if (process.env.PEER_DEBUG) process.stderr.write(`[peer ${proc.pid}] ${chunk}`);
  });
  const exited = new Promise<void>((resolve) => {
    proc.on("exit", () => {
      running.delete(proc);
      resolve();
    });
  });

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill("SIGKILL");
      reject(new Error(`peer ${argv.join(" ")}: no LISTENING line in time\n${err}`));
    }, opts.timeoutMs ?? 15_000);
    const lines = createInterface({ input: proc.stdout! });
    lines.on("line", (line) => {
      const m = /^LISTENING (http:\/\/\S+)$/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    proc.on("exit", (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(`peer ${argv.join(" ")} exited (${code ?? signal}) before listening\n${err}`),
      );
    });
    proc.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });

  return {
    url,
    pid: proc.pid!,
    stderr: () => err,
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill("SIGTERM");
      const timer = setTimeout(() => proc.kill("SIGKILL"), 2_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
