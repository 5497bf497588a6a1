/**
 * The SHA-256 compression in WebAssembly equals node:crypto's SHA-256 for messages of every
 * length around the block boundaries; without WebAssembly (`--jitless`) the HMAC still
 * equals node:crypto's through createHmac.
 */
import { execFileSync } from "node:child_process";
import { createHash, createHmac } from "node:crypto";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  DATA_AT,
  digestInto,
  STATE_AT,
  sha256,
  stateAfter,
} from "../../../src/securecookie/fast/Sha256.ts";

/** SHA-256 of `msg` through `pad` and `compress`: its first block from H(0), the others after it. */
function digest(msg: Uint8Array): Buffer {
  const s = sha256!;
  s.memory.set(msg, DATA_AT);
  const blocks = s.pad(DATA_AT, msg.length, 0);
  stateAfter(s, s.memory.subarray(DATA_AT, DATA_AT + 64));
  s.compress(STATE_AT, DATA_AT + 64, blocks - 1);
  const out = Buffer.alloc(32);
  digestInto(s.memory, out, 0);
  return out;
}

test("this runtime compiles the module", () => {
  assert.ok(sha256 !== null);
  assert.is(sha256!.memory.length, 65536);
});

test("equals createHash for every length up to five blocks", () => {
  for (let n = 0; n <= 5 * 64; n++) {
    const msg = Buffer.alloc(n);
    for (let i = 0; i < n; i++) msg[i] = (i * 131 + n) & 0xff;
    assert.equal(digest(msg), createHash("sha256").update(msg).digest(), `length ${n}`);
  }
});

test("FIPS 180-4's two-block example", () => {
  const msg = Buffer.from("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq");
  assert.is(
    digest(msg).toString("hex"),
    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
  );
});

test("without WebAssembly, HMAC-SHA256 goes through createHmac", () => {
  const script = `
    const { Hmac } = await import(${JSON.stringify(new URL("../../../src/securecookie/fast/Hmac.ts", import.meta.url).href)});
    const { sha256 } = await import(${JSON.stringify(new URL("../../../src/securecookie/fast/Sha256.ts", import.meta.url).href)});
    const h = new Hmac("sha256", Buffer.from("key"));
    console.log(JSON.stringify({
      wasm: sha256 !== null,
      macs: [0, 55, 120, 1000].map((n) => {
        const at = h.prepare("mysession", n);
        h.message.fill(7, at, at + n);
        const out = Buffer.alloc(32);
        h.sumMessage(n, out, 0);
        return out.toString("hex");
      }),
    }));`;
  const out = execFileSync(
    process.execPath,
    ["--jitless", "--import", "tsx", "--input-type=module", "-e", script],
    { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
  );
  const { wasm, macs } = JSON.parse(out);
  assert.is(wasm, false);
  assert.equal(
    macs,
    [0, 55, 120, 1000].map((n) =>
      createHmac("sha256", "key").update("mysession|").update(Buffer.alloc(n, 7)).digest("hex"),
    ),
  );
});

test.run();
