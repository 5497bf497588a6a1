/**
 * `npm run build` (and `prepack`): compiles src/ to dist/ as the package ships it, JavaScript
 * and declarations (tsconfig.build.json), from a clean dist/ so that no file of a removed
 * source survives. tsc rewrites the sources' `.ts` import paths to `.js` in the JavaScript but
 * not in the declarations; here they are rewritten too, so that every TypeScript version and
 * editor reads the declarations as it reads any package's.
 *
 * The JavaScript is then minified by esbuild, which keeps the whole package, command line
 * included, within its size budget: classes and functions declared with `export`, and every
 * method, keep their names (stack traces still name them); other module-local names are
 * shortened. The command line's declarations are dropped: nothing imports it.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, sep } from "node:path";
import { transformSync } from "esbuild";

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
  const path = join(dist, file);
  if (file.endsWith(".d.ts") && file.startsWith(`cli${sep}`)) {
    rmSync(path);
  } else if (file.endsWith(".d.ts")) {
    const text = readFileSync(path, "utf8");
    const rewritten = text.replace(tsSpecifier, "$1$2$3.js$2");
    if (rewritten !== text) writeFileSync(path, rewritten);
  } else if (file.endsWith(".js")) {
    const { code } = transformSync(readFileSync(path, "utf8"), {
      target: "node20",
      minify: true,
    });
    writeFileSync(path, code);
  }
}
