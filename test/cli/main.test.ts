/**
 * The executable itself (`npx tsx src/cli/main.ts`, what the `bin` runs once built): exit
 * codes, and the limit on standard input.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";

const root = fileURLToPath(new URL("../../", import.meta.url));
const main = "src/cli/main.ts";

function cli(args: string[], input = "") {
  const r = spawnSync("npx", ["tsx", main, ...args], {
    cwd: root,
    input,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "" },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const t = suite("cli main");

t("starts with a node shebang", () => {
  assert.ok(readFileSync(`${root}${main}`, "utf8").startsWith("#!/usr/bin/env node\n"));
});

t("exit 0: encode then decode through pipes", () => {
  const enc = cli(["encode", "--hash-key", "k", "-"], '{"n": {"$int16": 9}}');
  assert.is(enc.code, 0, enc.err);
  const dec = cli(["decode", "--hash-key", "k", "-"], enc.out);
  assert.is(dec.code, 0, dec.err);
  assert.match(dec.out, /"n"\s+int16\s+9/);
  assert.not.ok(dec.out.includes("\u001b["), "no colours on a pipe");
});

t("exit 1 on a cookie that does not decode, 2 on usage", () => {
  assert.is(cli(["decode", "--hash-key", "k", "bm90IGEgY29va2ll"]).code, 1);
  const usage = cli(["decode", "x"]);
  assert.is(usage.code, 2);
  assert.match(usage.err, /--hash-key is required/);
});

t("standard input over 64 KiB is refused (exit 2)", () => {
  const r = cli(["decode", "--hash-key", "k", "-"], "A".repeat(64 * 1024 + 1));
  assert.is(r.code, 2);
  assert.match(r.err, /standard input holds more than 65536 bytes/);
});

t.run();
