/**
 * External tools the live tests need (Go, redis-server). Outside CI a missing tool skips
 * the test that needs it, loudly; under CI=true a missing tool fails the run.
 */
import { execFileSync } from "node:child_process";

const found = new Map<string, boolean>();

export function haveTool(cmd: string): boolean {
  let ok = found.get(cmd);
  if (ok === undefined) {
    try {
      execFileSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" });
      ok = true;
    } catch {
      ok = false;
    }
    found.set(cmd, ok);
  }
  return ok;
}

/** True when `cmd` is on PATH. Otherwise: throws under CI=true, prints a SKIPPED line elsewhere. */
export function needTool(cmd: string, what: string): boolean {
  if (haveTool(cmd)) return true;
  if (process.env.CI === "true") {
    throw new Error(
      `${what} needs \`${cmd}\`, which is not installed (CI=true: missing tools fail)`,
    );
  }
  console.log(`\nSKIPPED: ${what} (\`${cmd}\` not found; install it to run these tests)`);
  return false;
}
