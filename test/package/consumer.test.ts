/**
 * The package as a user installs it: `npm pack` (which builds dist/ through `prepack`), the
 * tarball installed into a fresh project outside the repository, then a plain Node ESM app, a
 * CommonJS app, a strict TypeScript consumer and an Express 5 app, each against the installed
 * package only (fixtures/).
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { suite } from "uvu";
import * as assert from "uvu/assert";

const run = promisify(execFile);
const root = join(import.meta.dirname, "..", "..");
const fixtures = join(import.meta.dirname, "fixtures");
const maxUnpacked = 250_000;

/** What `npm pack --json` reports of one tarball. */
interface Packed {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string }[];
}

/** The version of a package in the repository's lockfile, so that npm finds it in its cache. */
function locked(name: string): string {
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as {
    packages: Record<string, { version: string }>;
  };
  const entry = lock.packages[`node_modules/${name}`];
  if (entry === undefined) throw new Error(`${name} is not in package-lock.json: run npm install`);
  return `${name}@${entry.version}`;
}

const Package = suite<{ dir: string; packed: Packed }>("package", {
  dir: "",
  packed: { filename: "", size: 0, unpackedSize: 0, files: [] },
});

Package.before(async (ctx) => {
  const started = Date.now();
  ctx.dir = mkdtempSync(join(tmpdir(), "hertz-sessions-consumer-"));
  cpSync(fixtures, ctx.dir, { recursive: true });
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", ctx.dir], {
    cwd: root,
  });
  const [packed] = JSON.parse(stdout) as Packed[];
  if (packed === undefined) throw new Error(`npm pack reported no tarball: ${stdout}`);
  ctx.packed = packed;
  await run(
    "npm",
    [
      "install",
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      `./${packed.filename}`,
      locked("express"),
      locked("@types/node"),
      locked("@types/redis-errors"),
    ],
    { cwd: ctx.dir },
  );
  console.log(
    `\n${packed.filename}: ${packed.size} B packed, ${packed.unpackedSize} B unpacked, ` +
      `${packed.files.length} files; packed and installed in ${Date.now() - started} ms`,
  );
});

Package.after((ctx) => {
  if (ctx.dir !== "") rmSync(ctx.dir, { recursive: true, force: true });
});

Package("the tarball holds dist/, README.md, LICENSE and package.json, and is small", (ctx) => {
  const paths = ctx.packed.files.map((f) => f.path);
  const stray = paths.filter(
    (p) => !p.startsWith("dist/") && !["README.md", "LICENSE", "package.json"].includes(p),
  );
  assert.equal(stray, [], "only dist/, README.md, LICENSE and package.json ship");
  for (const f of ["README.md", "LICENSE", "dist/index.js", "dist/index.d.ts"]) {
    assert.ok(paths.includes(f), `${f} ships`);
  }
  assert.ok(
    ctx.packed.unpackedSize < maxUnpacked,
    `unpacked ${ctx.packed.unpackedSize} B, budget ${maxUnpacked} B`,
  );
});

Package("every exports target, main and types are files of the tarball", (ctx) => {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    main: string;
    types: string;
    exports: Record<string, string | Record<string, string>>;
  };
  const paths = new Set(ctx.packed.files.map((f) => `./${f.path}`));
  const targets = [pkg.main, pkg.types];
  for (const entry of Object.values(pkg.exports)) {
    targets.push(...(typeof entry === "string" ? [entry] : Object.values(entry)));
  }
  for (const t of targets) assert.ok(paths.has(t), `${t} is in the tarball`);
});

/** The exports of every subpath, as the sources define them. */
async function sourceExports(): Promise<Record<string, string[]>> {
  const names: Record<string, string[]> = {};
  for (const m of ["cookie", "gob", "redis", "rediscluster", "securecookie"]) {
    names[m] = Object.keys(await import(`../../src/${m}/index.ts`)).sort();
  }
  return names;
}

/**
 * Starts a fixture app and waits for its `listening <port>` line; the lines before it are
 * returned too.
 */
async function start(
  dir: string,
  file: string,
): Promise<{ child: ChildProcess; port: number; lines: string[] }> {
  const child = spawn(process.execPath, [file], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => {
    stderr += d;
  });
  const lines: string[] = [];
  const timeout = setTimeout(() => child.kill(), 15_000);
  try {
    for await (const line of createInterface({ input: child.stdout })) {
      const m = /^listening (\d+)$/.exec(line);
      if (m !== null) return { child, port: Number(m[1]), lines };
      lines.push(line);
    }
  } finally {
    clearTimeout(timeout);
  }
  throw new Error(`${file} exited before listening (${child.exitCode}): ${stderr}`);
}

/** Two requests: the first gets a session cookie and "1", the second sends it back and gets "2". */
async function assertCounter(port: number): Promise<void> {
  const url = `http://127.0.0.1:${port}/`;
  const first = await fetch(url);
  assert.is(await first.text(), "1");
  const [setCookie] = first.headers.getSetCookie();
  assert.ok(setCookie?.startsWith("mysession="), `a session cookie: ${setCookie}`);
  const cookie = setCookie.split(";")[0] ?? "";
  const second = await fetch(url, { headers: { cookie } });
  assert.is(await second.text(), "2", "the cookie carries the count");
}

async function servesCounter(dir: string, file: string, checkExports: boolean): Promise<void> {
  const app = await start(dir, file);
  try {
    if (checkExports) {
      const line = app.lines.find((l) => l.startsWith("exports "));
      assert.ok(line !== undefined, "the app lists the exports it loaded");
      const loaded = JSON.parse(line.slice("exports ".length)) as Record<string, string[]>;
      for (const k of Object.keys(loaded)) loaded[k]?.sort();
      assert.equal(loaded, await sourceExports(), "every subpath loads with all its exports");
    }
    await assertCounter(app.port);
  } finally {
    app.child.kill();
  }
}

Package("a plain Node ESM app imports every subpath and serves the counter", async (ctx) => {
  await servesCounter(ctx.dir, "esm-app.mjs", true);
});

Package("a CommonJS app requires every subpath and serves the counter", async (ctx) => {
  await servesCounter(ctx.dir, "cjs-app.cjs", true);
});

Package("an Express 5 app mounts New with app.use and serves the counter", async (ctx) => {
  await servesCounter(ctx.dir, "express-app.mjs", false);
});

Package("the hertz-sessions command runs from the installed package's bin", async (ctx) => {
  const bin = join(ctx.dir, "node_modules", ".bin", "hertz-sessions");
  const { stdout } = await run(bin, ["keygen", "--json"], { cwd: ctx.dir });
  const keys = JSON.parse(stdout) as Record<string, unknown>;
  assert.ok(Object.keys(keys).length > 0, `keygen printed keys: ${stdout}`);
  const help = await run(bin, ["--help"], { cwd: ctx.dir });
  assert.match(help.stdout, /Usage: hertz-sessions COMMAND/);
});

Package("a strict TypeScript consumer (nodenext, skipLibCheck false) type-checks", async (ctx) => {
  const tsc = join(root, "node_modules", ".bin", "tsc");
  try {
    await run(tsc, ["-p", "tsconfig.json"], { cwd: ctx.dir });
  } catch (e) {
    const { stdout = "", stderr = "" } = e as { stdout?: string; stderr?: string };
    assert.unreachable(`tsc failed in the consumer:\n${stdout}${stderr}`);
  }
});

Package.run();
