/**
 * `npm run build` (and `prepack`): compiles src/ to dist/ as the package ships it, JavaScript
 * and declarations (tsconfig.build.json), from a clean dist/ so that no file of a removed
 * source survives. tsc rewrites the sources' `.ts` import paths to `.js` in the JavaScript but
 * not in the declarations; here they are rewritten too, so that every TypeScript version and
 * editor reads the declarations as it reads any package's.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const dist = join(root, "dist");

/** A relative module path ending in `.ts` after `from` or inside `import(...)`. */
const tsSpecifier = /(\bfrom\s*|\bimport\(\s*)(["'])(\.\.?\/[^"']*)\.ts\2/g;

rmSync(dist, { recursive: true, force: true });
execFileSync(join(root, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.build.json"], {
  cwd: root,
  stdio: "inherit",
});
for (const file of readdirSync(dist, { recursive: true, encoding: "utf8" })) {
  if (!file.endsWith(".d.ts")) continue;
  const path = join(dist, file);
  const text = readFileSync(path, "utf8");
  const rewritten = text.replace(tsSpecifier, "$1$2$3.js$2");
  if (rewritten !== text) writeFileSync(path, rewritten);
}
