/**
 * Go programs of `compat/`, built on first use into `compat/bin/` (go build caches).
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { needTool } from "./tools.ts";

export const compatDir = fileURLToPath(new URL("../../compat/", import.meta.url));

const built = new Set<string>();

/** Path of the built `compat/cmd/<name>` binary, or null (with a SKIPPED line) without Go. */
export function goBinary(name: string): string | null {
  const bin = `${compatDir}bin/${name}`;
  if (built.has(name)) return bin;
  if (!needTool("go", `live Go interop (compat/cmd/${name})`)) return existsSync(bin) ? bin : null;
  execFileSync("go", ["build", "-o", bin, `./cmd/${name}`], { cwd: compatDir, stdio: "inherit" });
  built.add(name);
  return bin;
}
