/** `hertz-sessions encode`: a session cookie made from JSON values with Go type hints. */
import { parseArgs } from "node:util";
import { SecureCookie } from "../securecookie/SecureCookie.ts";
import { integerFlag, keyPairs } from "./flags.ts";
import type { Io } from "./Io.ts";
import { maxStdinBytes } from "./readCookie.ts";
import { typedValues } from "./typedValues.ts";
import { UsageError } from "./UsageError.ts";

export const encodeHelp = `Usage: hertz-sessions encode --hash-key KEY [--block-key KEY] [options] VALUES

Makes a session cookie as a Hertz cookie store would (gob values, HMAC-SHA256, AES-CTR
with a block key), for the first key pair. VALUES is a JSON object, or - to read it from
standard input (at most 65536 bytes). A one-key object {"$TYPE": v} gives a Go type:

  {"count": {"$int": 3}, "level": {"$int8": -2}, "big": {"$uint64": "18446744073709551615"},
   "ratio": 0.5, "at": {"$time": "2024-03-01T10:00:00Z"}, "raw": {"$bytes": "AAEC"},
   "_flash": ["saved"]}

Hints: $int $int8 $int16 $int32 $int64 $uint $uint8 $uint16 $uint32 $uint64 (a number, or a
decimal string), $float32 $float64 $string $bool $bytes (base64) $time (RFC 3339, UTC).
Without a hint: integral number int, other number float64, array []interface {}, object
map[string]interface {} (which a Go reader must gob.Register), null nil.

Options:
  --hash-key KEY      hash key (required; keys as for decode: hex:, base64:, text:, or text)
  --block-key KEY     block key (16, 24 or 32 bytes: AES-128/192/256)
  --name NAME         cookie name (default mysession)
  --max-length BYTES  MaxLength (default 4096; 0: none)
  --json              print {"name", "cookie", "bytes"}
  -h, --help          this help
`;

export async function encodeCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      "hash-key": { type: "string", multiple: true },
      "block-key": { type: "string", multiple: true },
      name: { type: "string" },
      "max-length": { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.out(encodeHelp);
    return 0;
  }
  if (positionals.length !== 1)
    throw new UsageError("encode takes one VALUES (a JSON object, or - for stdin)");
  const [pair] = keyPairs(values["hash-key"], values["block-key"]);
  const text =
    positionals[0] === "-" ? (await io.readStdin(maxStdinBytes)).toString("utf8") : positionals[0];
  const session = typedValues(text);
  const name = values.name ?? "mysession";
  const codec = new SecureCookie(pair.hashKey, pair.blockKey).MaxLength(
    integerFlag(values["max-length"], "--max-length", 4096),
  );
  let cookie: string;
  try {
    cookie = codec.Encode(name, session);
  } catch (e) {
    io.err(`hertz-sessions: ${(e as Error).message}\n`);
    return 1;
  }
  io.out(
    values.json ? `${JSON.stringify({ name, cookie, bytes: cookie.length })}\n` : `${cookie}\n`,
  );
  return 0;
}
