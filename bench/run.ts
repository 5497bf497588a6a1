/**
 * `npm run bench`: runs every `bench/*.bench.ts` in turn, each in its own `npx tsx` process
 * (so one benchmark's warm JIT, heap or sockets never colour the next), forwarding its output.
 * Exits non-zero when any benchmark failed. Arguments filter by file name:
 * `npm run bench -- http` runs only `http.bench.ts`.
 */
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const benchDir = fileURLToPath(new URL(".", import.meta.url));
const filters = process.argv.slice(2);

const files = readdirSync(benchDir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => filters.length === 0 || filters.some((want) => f.includes(want)))
  .sort();

if (files.length === 0) {
  console.error(`no bench/*.bench.ts matches ${filters.join(" ") || "(any)"}`);
  process.exit(1);
}

function runOne(file: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn("npx", ["tsx", `bench/${file}`], {
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      stdio: "inherit",
    });
    child.on("error", (err) => {
      console.error(`${file}: ${err.message}`);
      resolve(1);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const failed: string[] = [];
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const started = Date.now();
  const code = await runOne(file);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`=== ${file}: ${code === 0 ? "ok" : `FAILED (exit ${code})`} in ${secs} s ===`);
  if (code !== 0) failed.push(file);
}

if (failed.length > 0) {
  console.error(`\n${failed.length} of ${files.length} benchmark(s) failed: ${failed.join(", ")}`);
  process.exit(1);
}
console.log(`\nall ${files.length} benchmark(s) passed`);
