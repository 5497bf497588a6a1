/**
 * The `hertz-sessions` command line: `run(argv, io)` runs one command and returns its exit
 * code (0 ok, 1 the input does not decode, 2 usage error).
 */
import { decodeCommand } from "./decodeCommand.ts";
import { encodeCommand } from "./encodeCommand.ts";
import type { Io } from "./Io.ts";
import { keygenCommand } from "./keygenCommand.ts";
import { redisCommand } from "./redisCommand.ts";
import { UsageError } from "./UsageError.ts";

export const mainHelp = `Usage: hertz-sessions COMMAND [options]

Inspects and explains sessions shared by Hertz (Go) and hertz-sessions (Node).

Commands:
  decode    decode a session cookie and print its values with their Go types, or say why it fails
  redis     show a session stored in Redis (value, TTL, Go types), or list sessions (--scan)
  encode    make a session cookie from JSON values with Go type hints
  keygen    make random hash and block keys, printed for Go and Node

Run hertz-sessions COMMAND --help for a command's options.
Exit status: 0 ok, 1 the cookie or value does not decode, 2 usage error.
`;

type Command = (argv: string[], io: Io) => number | Promise<number>;

const commands: Record<string, Command> = {
  decode: decodeCommand,
  encode: encodeCommand,
  keygen: keygenCommand,
  redis: redisCommand,
};

export async function run(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "-h" || name === "--help" || name === "help") {
    io.out(mainHelp);
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  try {
    if (command === undefined)
      throw new UsageError(
        `unknown command ${JSON.stringify(name)}: use decode, redis, encode or keygen`,
      );
    return await command(rest, io);
  } catch (e) {
    if (e instanceof UsageError || isParseArgsError(e)) {
      io.err(`hertz-sessions: ${(e as Error).message}\n`);
      return 2;
    }
    io.err(`hertz-sessions: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

/** node:util parseArgs rejects unknown options and missing values with these codes. */
function isParseArgsError(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_");
}
