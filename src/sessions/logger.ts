/**
 * Where session errors go: Hertz logs them with `hlog.Errorf` and carries on; so does the
 * middleware, through a replaceable logger.
 */

/** Receives one formatted message (Go's `fmt.Sprintf` result, newline included). */
export type Logger = (message: string) => void;

/** Writes `[Error] <message>` to stderr, as hlog's default logger does. */
export const defaultLogger: Logger = (message) => {
  process.stderr.write(`[Error] ${message.endsWith("\n") ? message : `${message}\n`}`);
};

let current: Logger = defaultLogger;

/** Replaces the logger (`null` restores the default); returns the previous one. */
export function SetLogger(logger: Logger | null): Logger {
  const previous = current;
  current = logger ?? defaultLogger;
  return previous;
}

/** Logs an error message. */
export function logError(message: string): void {
  current(message);
}

/** Go's `err.Error()` of a thrown value. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
