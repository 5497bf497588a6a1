/** A command line the CLI cannot run: exit code 2, the message says what to change. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
