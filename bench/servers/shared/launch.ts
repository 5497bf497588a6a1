/**
 * The driver's side of the server contract (see `listen.ts`): start a contender server in its
 * own process under tsx, wait for its `PORT=<n>` line, and stop it again. The server's own
 * output is forwarded, each line prefixed with the contender's id. `launchPeer` does the same
 * for the Go peer (`compat/cmd/peer`), which announces itself with `LISTENING http://HOST:PORT`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** How long a server may take to print its port (tsx compiles on first load). */
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

export interface RunningServer {
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/** Starts `bench/servers/<file>` with `env` added to this process's environment. */
export function launch(
  id: string,
  file: string,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  const args = ["--import", "tsx", `bench/servers/${file}`];
  return start(id, process.execPath, args, env, /^PORT=(\d+)$/);
}

/** Starts the built Go peer binary `bin` with `args`, `env` added to this process's environment. */
export function launchPeer(
  id: string,
  bin: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<RunningServer> {
  return start(id, bin, args, env, /^LISTENING http:\/\/[^:]+:(\d+)$/);
}

function start(
  id: string,
  command: string,
  args: string[],
  env: Record<string, string>,
  portLine: RegExp,
): Promise<RunningServer> {
  const child = spawn(command, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  createInterface({ input: child.stderr! }).on("line", (line) =>
    process.stderr.write(`  [${id}] ${line}\n`),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${id}: no port line within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    const onEarlyExit = (code: number | null, signal: string | null) => {
      clearTimeout(timer);
      reject(new Error(`${id}: server exited before listening (${signal ?? `exit ${code}`})`));
    };
    child.once("exit", onEarlyExit);
    child.once("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    let port = 0;
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const m = port === 0 ? portLine.exec(line) : null;
      if (!m) {
        process.stdout.write(`  [${id}] ${line}\n`);
        return;
      }
      port = Number(m[1]);
      clearTimeout(timer);
      child.off("exit", onEarlyExit);
      resolve({ port, pid: child.pid!, stop: () => stop(child) });
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
