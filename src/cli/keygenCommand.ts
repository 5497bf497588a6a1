/** `hertz-sessions keygen`: random hash and block keys, written for Go, Node and the CLI. */
import { parseArgs } from "node:util";
import { GenerateRandomKey } from "../securecookie/SecureCookie.ts";
import { integerFlag } from "./flags.ts";
import type { Io } from "./Io.ts";
import { UsageError } from "./UsageError.ts";

export const keygenHelp = `Usage: hertz-sessions keygen [--hash-bytes N] [--block-bytes N] [--json]

Prints a random hash key (HMAC) and block key (AES), from the system's secure random
source, as Go code, Node code and hertz-sessions flags.

Options:
  --hash-bytes N    hash key length: 32 or 64 (default 64, as gorilla recommends)
  --block-bytes N   block key length: 16, 24 or 32 (AES-128/192/256; default 32), or 0 for none
  --json            print {"hashKey": hex, "blockKey": hex or null}
  -h, --help        this help
`;

export interface Keys {
  readonly hashKey: Uint8Array;
  readonly blockKey: Uint8Array | null;
}

export function keygenCommand(argv: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      "hash-bytes": { type: "string" },
      "block-bytes": { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.out(keygenHelp);
    return 0;
  }
  if (positionals.length > 0)
    throw new UsageError(`keygen takes no arguments (got ${positionals[0]})`);
  const hashBytes = integerFlag(values["hash-bytes"], "--hash-bytes", 64);
  const blockBytes = integerFlag(values["block-bytes"], "--block-bytes", 32);
  if (hashBytes !== 32 && hashBytes !== 64) throw new UsageError("--hash-bytes: use 32 or 64");
  if (![0, 16, 24, 32].includes(blockBytes))
    throw new UsageError(
      "--block-bytes: use 16, 24 or 32 (AES-128, AES-192, AES-256), or 0 for none",
    );
  const keys: Keys = {
    hashKey: random(hashBytes),
    blockKey: blockBytes === 0 ? null : random(blockBytes),
  };
  io.out(values.json ? `${JSON.stringify(keysJSON(keys))}\n` : printKeys(keys));
  return 0;
}

function random(n: number): Uint8Array {
  const k = GenerateRandomKey(n);
  if (k === null) throw new Error("the system's random source failed: try again");
  return k;
}

function hex(b: Uint8Array): string {
  return Buffer.from(b).toString("hex");
}

function keysJSON(k: Keys): { hashKey: string; blockKey: string | null } {
  return { hashKey: hex(k.hashKey), blockKey: k.blockKey === null ? null : hex(k.blockKey) };
}

/** Go's `[]byte{0x01, ...}`, 12 bytes a line. */
function goBytes(b: Uint8Array): string {
  const lines: string[] = [];
  for (let i = 0; i < b.length; i += 12) {
    lines.push(
      `\t${Array.from(b.subarray(i, i + 12), (c) => `0x${c.toString(16).padStart(2, "0")},`).join(" ")}`,
    );
  }
  return `[]byte{\n${lines.join("\n")}\n}`;
}

export function printKeys(k: Keys): string {
  const h = hex(k.hashKey);
  const b = k.blockKey === null ? null : hex(k.blockKey);
  const aes = k.blockKey === null ? "" : ` (AES-${k.blockKey.length * 8})`;
  const goArgs = b === null ? "hashKey" : "hashKey, blockKey";
  const nodeArgs =
    b === null
      ? `Buffer.from("${h}", "hex")`
      : `Buffer.from("${h}", "hex"), Buffer.from("${b}", "hex")`;
  return [
    `hash key   ${k.hashKey.length} bytes: hex:${h}`,
    ...(b === null ? [] : [`block key  ${k.blockKey!.length} bytes: hex:${b}${aes}`]),
    "",
    "Go:",
    `\thashKey, _ := hex.DecodeString("${h}")`,
    ...(b === null ? [] : [`\tblockKey, _ := hex.DecodeString("${b}")`]),
    `\tstore := cookie.NewStore(${goArgs})`,
    "",
    "Go, as literals:",
    `hashKey := ${goBytes(k.hashKey)}`,
    ...(k.blockKey === null ? [] : [`blockKey := ${goBytes(k.blockKey)}`]),
    "",
    "Node:",
    `\tconst store = cookie.NewStore(${nodeArgs});`,
    "",
    "hertz-sessions:",
    `\t--hash-key hex:${h}${b === null ? "" : ` --block-key hex:${b}`}`,
    "",
  ].join("\n");
}
