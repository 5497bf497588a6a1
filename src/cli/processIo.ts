/** The {@link Io} of the running process. */
import type { Io } from "./Io.ts";
import { UsageError } from "./UsageError.ts";

export const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readStdin: async (limit) => {
    const chunks: Buffer[] = [];
    let n = 0;
    for await (const chunk of process.stdin) {
      n += (chunk as Buffer).length;
      if (n > limit) {
        throw new UsageError(
          `standard input holds more than ${limit} bytes: pass the cookie alone or one Cookie header`,
        );
      }
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  },
  isTTY: process.stdout.isTTY === true,
  env: process.env,
  now: () => Math.floor(Date.now() / 1000),
};
