/**
 * Where session errors go: Hertz logs them with `hlog.Errorf` and carries on; so does the
 * middleware, through a replaceable logger.
 */

/** The level of a message: errors (Go's `hlog.Errorf`) and warnings (`hlog.Warnf`). */
export type LogLevel = "error" | "warn";

/**
 * Receives one formatted message (Go's `fmt.Sprintf` result, newline included) and its level
 * (`"error"` when absent).
 */
export type Logger = (message: string, level?: LogLevel) => void;

/** Writes `[Error] <message>` (or `[Warn] <message>`) to stderr, as hlog's default logger does. */
export const defaultLogger: Logger = (message, level = "error") => {
  const text = message.endsWith("\n") ? message : `${message}\n`;
  process.stderr.write(`${level === "warn" ? "[Warn]" : "[Error]"} ${text}`);
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

/** Logs a warning. */
export function logWarn(message: string): void {
  current(message, "warn");
}

/** Go's `err.Error()` of a thrown value. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
