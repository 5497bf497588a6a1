/**
 * `hertz-sessions decode` in-process: exit codes, input forms (argument, stdin, Cookie and
 * Set-Cookie headers), --json, colours, key syntax, usage errors; cookies made by Go.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { run } from "../../src/cli/run.ts";
import { Timestamp } from "../../src/securecookie/timestamp.ts";
import { GoCodec } from "../support/gocodec.ts";
import { bufferIo } from "./bufferIo.ts";

const t = suite<{ go: GoCodec | null; cookie: string; aesCookie: string }>("cli decode", {
  go: null,
  cookie: "",
  aesCookie: "",
});

/** The escape that starts an ANSI colour sequence. */
const ESC = "\u001b";
const hashKey = Buffer.from("decode-cmd-hash-key");
const blockKey = Buffer.from("decode-cmd-aes-256-key-012345678");

t.before(async (ctx) => {
  ctx.go = GoCodec.start();
  if (!ctx.go) return;
  const made = async (pairs: (string | null)[]) =>
    (
      await ctx.go!.call<{ cookie: string }>("cookieEncode", {
        name: "mysession",
        keyPairs: pairs,
        value: { count: 7, user: "bo" },
      })
    ).cookie;
  ctx.cookie = await made([hashKey.toString("hex")]);
  ctx.aesCookie = await made([hashKey.toString("hex"), blockKey.toString("hex")]);
});

t.after((ctx) => {
  ctx.go?.close();
});

async function decode(args: string[], options: Parameters<typeof bufferIo>[0] = {}) {
  const io = bufferIo(options);
  const code = await run(["decode", ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

t("exit 0 and the values, keys given as text, hex and base64", async ({ go, aesCookie }) => {
  if (!go) return;
  for (const keys of [
    ["--hash-key", hashKey.toString(), "--block-key", blockKey.toString()],
    [
      "--hash-key",
      `hex:${hashKey.toString("hex")}`,
      "--block-key",
      `hex:${blockKey.toString("hex")}`,
    ],
    [
      "--hash-key",
      `base64:${hashKey.toString("base64")}`,
      "--block-key",
      `base64:${blockKey.toString("base64url")}`,
    ],
  ]) {
    const r = await decode([...keys, aesCookie]);
    assert.is(r.code, 0, r.out + r.err);
    assert.match(r.out, /cookie mysession: valid/);
    assert.match(r.out, /"count"\s+int\s+7/);
    assert.match(r.out, /"user"\s+string\s+"bo"/);
  }
});

t("exit 1 with the failing step; --json gives the same report", async ({ go, cookie }) => {
  if (!go) return;
  const r = await decode(["--hash-key", "wrong", cookie]);
  assert.is(r.code, 1);
  assert.match(r.out, /failed at\s+mac:/);
  assert.match(r.out, /Go says\s+securecookie: the value is not valid/);
  const j = await decode(["--hash-key", "wrong", "--json", cookie]);
  assert.is(j.code, 1);
  const report = JSON.parse(j.out);
  assert.is(report.ok, false);
  assert.is(report.failure.step, "mac");
  assert.is(report.goError, "securecookie: the value is not valid");
});

t("a text key that looks like hex gets a hint", async ({ go, cookie }) => {
  if (!go) return;
  const r = await decode(["--hash-key", hashKey.toString("hex"), cookie]);
  assert.is(r.code, 1);
  assert.match(r.out, /looks like hex: did you mean hex:/);
});

t("--now and --max-age: expired", async ({ go, cookie }) => {
  if (!go) return;
  // Two hours after the cookie's own timestamp, however long ago the suite made it.
  const later = Timestamp(cookie)! + 7200;
  const r = await decode([
    "--hash-key",
    hashKey.toString(),
    "--max-age",
    "3600",
    "--now",
    String(later),
    cookie,
  ]);
  assert.is(r.code, 1);
  assert.match(r.out, /failed at\s+timestamp: expired 1h ago/);
});

t("stdin (-), a Cookie header, request headers, a Set-Cookie header", async ({ go, cookie }) => {
  if (!go) return;
  const key = ["--hash-key", hashKey.toString()];
  for (const stdin of [
    `${cookie}\n`,
    `Cookie: theme=dark; mysession=${cookie}; lang=en\n`,
    `GET / HTTP/1.1\r\nHost: x\r\nCookie: mysession=${cookie}\r\n\r\n`,
    `Set-Cookie: mysession=${cookie}; Path=/; Max-Age=2592000\n`,
  ]) {
    const r = await decode([...key, "-"], { stdin });
    assert.is(r.code, 0, stdin + r.out + r.err);
    assert.match(r.out, /"count"\s+int\s+7/);
  }
  const arg = await decode([...key, `Cookie: mysession=${cookie}`]);
  assert.is(arg.code, 0);
});

t(
  "a Cookie header with several cookies and none named: usage error listing them",
  async ({ go, cookie }) => {
    if (!go) return;
    const r = await decode(["--hash-key", "k", `Cookie: a=${cookie}; b=x`]);
    assert.is(r.code, 2);
    assert.match(r.err, /holds 2 cookies: pick one with --name \(a, b\)/);
    const named = await decode([
      "--hash-key",
      hashKey.toString(),
      "--name",
      "a",
      `Cookie: a=${cookie}; b=x`,
    ]);
    assert.is(named.code, 1, "the MAC was made for mysession");
    assert.match(named.out, /made for the name "mysession"/);
  },
);

t("colours only on a terminal, never with NO_COLOR", async ({ go, cookie }) => {
  if (!go) return;
  const args = ["--hash-key", hashKey.toString(), cookie];
  assert.not.ok((await decode(args)).out.includes(ESC));
  assert.ok((await decode(args, { isTTY: true })).out.includes(`${ESC}[32mvalid`));
  assert.not.ok((await decode(args, { isTTY: true, env: { NO_COLOR: "1" } })).out.includes(ESC));
});

t("usage errors exit 2 and say what to do", async () => {
  const cases: [string[], RegExp][] = [
    [["COOKIE"], /--hash-key is required/],
    [["--hash-key", "k"], /decode takes one COOKIE/],
    [["--hash-key", "hex:abc", "x"], /not hex/],
    [["--hash-key", "k", "--max-age", "soon", "x"], /--max-age soon: expected an integer/],
    [["--hash-key", "k", "--hash", "crc32", "x"], /--hash crc32: expected one of/],
    [
      ["--hash-key", "k", "--block-key", "a", "--block-key", "b", "x"],
      /2 --block-key for 1 --hash-key/,
    ],
    [["--bogus", "x"], /bogus/],
  ];
  for (const [args, msg] of cases) {
    const r = await decode(args);
    assert.is(r.code, 2, args.join(" "));
    assert.match(r.err, msg);
  }
});

t("--help of every command and of the tool", async () => {
  for (const cmd of ["decode", "keygen", "redis", "encode"]) {
    const io = bufferIo();
    assert.is(await run([cmd, "--help"], io), 0, cmd);
    assert.match(io.stdout, new RegExp(`^Usage: hertz-sessions ${cmd}`));
  }
  const io = bufferIo();
  assert.is(await run(["--help"], io), 0);
  assert.match(io.stdout, /Commands:/);
  assert.is(await run([], bufferIo()), 2);
  assert.is(await run(["nope"], bufferIo()), 2);
});

t.run();
