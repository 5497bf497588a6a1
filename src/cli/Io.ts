/** What a command reads and writes: the process's streams, or buffers in tests. */
export interface Io {
  /** Writes to standard output. */
  out(text: string): void;
  /** Writes to standard error. */
  err(text: string): void;
  /** Reads standard input, at most `limit` bytes (more is an error). */
  readStdin(limit: number): Promise<Buffer>;
  /** Whether standard output is a terminal (colours are used only then). */
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The current Unix time in seconds. */
  now(): number;
}
