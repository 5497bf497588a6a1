/** An in-memory Io for running the CLI in-process: captured output, given stdin. */
import type { Io } from "../../src/cli/Io.ts";

export interface BufferIo extends Io {
  stdout: string;
  stderr: string;
}

export function bufferIo(
  options: { stdin?: string; isTTY?: boolean; env?: Record<string, string>; now?: number } = {},
): BufferIo {
  const io: BufferIo = {
    stdout: "",
    stderr: "",
    out(text) {
      io.stdout += text;
    },
    err(text) {
      io.stderr += text;
    },
    async readStdin(limit) {
      const b = Buffer.from(options.stdin ?? "", "utf8");
      if (b.length > limit) throw new Error(`stdin over ${limit}`);
      return b;
    },
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
    now: () => options.now ?? Math.floor(Date.now() / 1000),
  };
  return io;
}
