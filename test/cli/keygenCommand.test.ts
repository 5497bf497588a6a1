/**
 * `hertz-sessions keygen`: fresh random keys of the asked sizes, which real Go
 * securecookie uses to make a cookie that the printed decode flags then read.
 */
import * as assert from "uvu/assert";
import { run } from "../../src/cli/run.ts";
import { goCodecSuite } from "../support/gocodec.ts";
import { bufferIo } from "./bufferIo.ts";

const t = goCodecSuite("cli keygen");

async function keygen(args: string[]) {
  const io = bufferIo();
  const code = await run(["keygen", ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

t("sizes, and two runs differ", async () => {
  const a = JSON.parse((await keygen(["--json"])).out);
  const b = JSON.parse((await keygen(["--json"])).out);
  assert.is(a.hashKey.length, 128);
  assert.is(a.blockKey.length, 64);
  assert.is.not(a.hashKey, b.hashKey);
  const small = JSON.parse(
    (await keygen(["--json", "--hash-bytes", "32", "--block-bytes", "0"])).out,
  );
  assert.is(small.hashKey.length, 64);
  assert.is(small.blockKey, null);
});

t("a Go cookie made with the printed keys decodes with the printed flags", async ({ go }) => {
  if (!go) return;
  const r = await keygen(["--block-bytes", "24"]);
  assert.is(r.code, 0);
  const hex = (label: string) =>
    new RegExp(`${label}\\s+\\d+ bytes: hex:([0-9a-f]+)`).exec(r.out)![1];
  const [h, b] = [hex("hash key"), hex("block key")];
  assert.is(b.length, 48);
  assert.match(r.out, new RegExp(`hashKey, _ := hex.DecodeString\\("${h}"\\)`));
  assert.match(r.out, new RegExp(`Buffer.from\\("${h}", "hex"\\), Buffer.from\\("${b}", "hex"\\)`));
  const literal = /hashKey := \[\]byte\{([^}]*)\}/.exec(r.out)![1];
  assert.is(
    Buffer.from((literal.match(/0x[0-9a-f]{2}/g) ?? []).map((x) => Number(x))).toString("hex"),
    h,
  );
  const { cookie } = await go.call<{ cookie: string }>("cookieEncode", {
    name: "mysession",
    keyPairs: [h, b],
    value: { ok: true },
  });
  const flags = /--hash-key (\S+) --block-key (\S+)/.exec(r.out)!;
  const io = bufferIo();
  assert.is(
    await run(["decode", "--hash-key", flags[1], "--block-key", flags[2], cookie], io),
    0,
    io.stdout,
  );
  assert.match(io.stdout, /"ok"\s+bool\s+true/);
});

t("bad sizes are usage errors", async () => {
  assert.is((await keygen(["--hash-bytes", "10"])).code, 2);
  assert.match((await keygen(["--block-bytes", "20"])).err, /use 16, 24 or 32/);
});

t.run();
