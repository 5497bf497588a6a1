/**
 * Captures what the session logger (`SetLogger`) receives while a test runs code that logs on
 * purpose (a bad cookie, a dropped cookie byte), so a passing run prints no `[Error]` lines;
 * the test asserts on the returned lines where the log is part of what it checks.
 *
 *   const lines = captureLog(() => newCookie("a", 'x"y', {}));
 *   const lines = await captureLogAsync(() => get(jar, url));
 */
import { SetLogger } from "../../src/sessions/logger.ts";

/** The messages logged while `fn` runs (synchronously), in order. */
export function captureLog(fn: () => unknown): string[] {
  const lines: string[] = [];
  const previous = SetLogger((message) => lines.push(message));
  try {
    fn();
  } finally {
    SetLogger(previous);
  }
  return lines;
}

/** The messages logged until the promise `fn` returns settles, in order. */
export async function captureLogAsync(fn: () => Promise<unknown>): Promise<string[]> {
  const lines: string[] = [];
  const previous = SetLogger((message) => lines.push(message));
  try {
    await fn();
  } finally {
    SetLogger(previous);
  }
  return lines;
}
