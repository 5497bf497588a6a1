/**
 * Every ```ts block of README.md and src/<module>/README.md type-checks against the sources,
 * so the documentation cannot drift from the API. Each block is one module (top-level await
 * allowed); `hertz-sessions` and the subpaths package.json exports resolve to src/. What a reader brings (keys, a
 * request, an Express app) is declared once, in `prelude` below. A block opts out only with
 * `<!-- typecheck: skip (reason) -->` on the line before its fence.
 */
import { execFile } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { test } from "uvu";
import * as assert from "uvu/assert";

const run = promisify(execFile);
const root = join(import.meta.dirname, "..", "..");

/** The placeholders the examples use without defining them. */
const prelude = `
type IncomingMessage = import("node:http").IncomingMessage;
type ServerResponse = import("node:http").ServerResponse;
declare const hashKey: Uint8Array, blockKey: Uint8Array, key: Uint8Array;
declare const hashKey32: Uint8Array, blockKey32: Uint8Array;
declare const newHash: Uint8Array, newBlock: Uint8Array, oldHash: Uint8Array, oldBlock: Uint8Array;
declare const bytes: Uint8Array;
declare const id: string;
declare const store: import("hertz-sessions").Store;
declare const req: IncomingMessage;
declare const handler: (req: IncomingMessage, res: ServerResponse) => void;
declare const app: import("express").Express;
`;

interface Block {
  /** The Markdown file, relative to the repository. */
  file: string;
  /** The line of the block's first line of code in that file (1-based). */
  line: number;
  code: string;
}

const skipMarker = /^<!-- typecheck: skip \((.+)\) -->$/;

/** The ```ts blocks of one Markdown file, but those marked to skip. */
function tsBlocks(file: string, text: string): Block[] {
  const lines = text.split("\n");
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== "```ts") continue;
    const end = lines.indexOf("```", i + 1);
    if (end < 0) throw new Error(`${file}:${i + 1}: a \`\`\`ts block is not closed`);
    if (!skipMarker.test(lines[i - 1] ?? "")) {
      blocks.push({ file, line: i + 2, code: lines.slice(i + 1, end).join("\n") });
    }
    i = end;
  }
  return blocks;
}

function markdownFiles(): string[] {
  const modules = readdirSync(join(root, "src"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => `src/${d.name}/README.md`)
    .filter((f) => {
      try {
        readFileSync(join(root, f));
        return true;
      } catch {
        return false;
      }
    });
  return ["README.md", ...modules];
}

/** `hertz-sessions/<subpath>` → the source of what package.json exports there. */
function exportedSources(): Record<string, string[]> {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    exports: Record<string, string | { import: string }>;
  };
  const paths: Record<string, string[]> = {};
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    if (typeof target === "string") continue; // ./package.json
    const source = target.import.replace(/^\.\/dist\//, "src/").replace(/\.js$/, ".ts");
    paths[`hertz-sessions${subpath.slice(1)}`] = [join(root, source)];
  }
  return paths;
}

/** Type-checks the blocks as modules; returns tsc's errors, each at its Markdown line. */
async function typecheck(blocks: Block[]): Promise<string[]> {
  const dir = join(root, "node_modules", ".cache", "hertz-sessions-readme");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const where = new Map<string, Block>();
  blocks.forEach((b, i) => {
    const name = `block${i}.ts`;
    where.set(name, b);
    writeFileSync(join(dir, name), `${b.code}\nexport {};\n`);
  });
  writeFileSync(join(dir, "prelude.d.ts"), prelude);
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      extends: join(root, "tsconfig.json"),
      compilerOptions: { paths: exportedSources() },
      include: ["*.ts"],
    }),
  );
  try {
    await run(join(root, "node_modules", ".bin", "tsc"), ["-p", dir]);
    return [];
  } catch (e) {
    const out = `${(e as { stdout?: string }).stdout ?? ""}`;
    if (out === "") throw e;
    return out
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => {
        const m = /(block\d+\.ts)\((\d+),(\d+)\): (.*)$/.exec(l);
        const b = m === null ? undefined : where.get(m[1] ?? "");
        if (m === null || b === undefined) return l;
        return `${b.file}:${b.line + Number(m[2]) - 1}:${m[3]}: ${m[4]}`;
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("every ```ts block of the READMEs type-checks", async () => {
  const blocks = markdownFiles().flatMap((f) => tsBlocks(f, readFileSync(join(root, f), "utf8")));
  assert.ok(blocks.length >= 10, `found ${blocks.length} blocks`);
  const errors = await typecheck(blocks);
  assert.equal(errors, [], `README examples that do not type-check:\n${errors.join("\n")}`);
});

test("a block that does not type-check is reported at its Markdown line", async () => {
  const text = [
    "# t",
    "",
    "```ts",
    'import { New } from "hertz-sessions";',
    'New("s", 42);',
    "```",
  ];
  const errors = await typecheck(tsBlocks("t.md", text.join("\n")));
  assert.is(errors.length, 1, errors.join("\n"));
  assert.match(errors[0] ?? "", /^t\.md:5:10: error TS2345/, errors.join("\n"));
});

test("a block marked to skip, with its reason, is left out", () => {
  const text = ["<!-- typecheck: skip (pseudo-code) -->", "```ts", "nonsense(", "```"];
  assert.equal(tsBlocks("t.md", text.join("\n")), []);
  assert.is(tsBlocks("t.md", text.slice(1).join("\n")).length, 1, "no marker, no skip");
});

test.run();
