/**
 * Saving without lost updates (opt-in: `SetCompareAndSet(true)` on the Redis stores).
 *
 * Go's store, and this one by default, write a session with `SETEX`: when two requests of one
 * session overlap, the last to save overwrites what the other wrote. With compare-and-set, a
 * save is one Lua script: when the key still holds the exact bytes this request loaded (or
 * still does not exist, for a session that was new), `SETEX`; else nothing is written and the
 * script returns the key's current bytes. The request's recorded changes (`../../sessions/journal.ts`)
 * are then made again on those values and the save is retried, at most `attempts` times.
 *
 * Saves of one key from one store take turns, so the requests of one process never race each
 * other; they race only other processes (a Go service using `compat/casstore`, the same script).
 * From the second conflict on, a save waits a random 0 to 2, 4, 8 … 64 ms, reads the key again
 * and retries at once, so that a process whose event loop is busy is not outpaced forever by
 * another one writing in a burst.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { GorillaSession } from "../../sessions/GorillaSession.ts";
import { journalOf } from "../../sessions/journal.ts";
import { SessionsError, SessionsTypeError } from "../../sessions/SessionsError.ts";
import type { SessionClient } from "./SessionClient.ts";

/**
 * KEYS[1] the session key; ARGV[1] "1" when the request loaded ARGV[2] from it, "0" when it
 * found no key; ARGV[3] the TTL in seconds; ARGV[4] the bytes to store.
 * Returns 1 when written; else the current bytes, or 0 when the key does not exist.
 */
export const compareAndSetScript = `local current = redis.call("GET", KEYS[1])
if (ARGV[1] == "0" and not current) or (ARGV[1] == "1" and current == ARGV[2]) then
  redis.call("SETEX", KEYS[1], ARGV[3], ARGV[4])
  return 1
end
if not current then return 0 end
return current`;

/** The attempts a save makes before it rejects (a first try and 9 retries). */
export const defaultAttempts = 10;

const command = "hertzSessionsCompareAndSet";

/** An ioredis `Redis` or `Cluster` with the script defined on it. */
interface ScriptClient {
  defineCommand(name: string, definition: { numberOfKeys: number; lua: string }): void;
  [command: `${string}Buffer`]: (...args: (string | number | Buffer)[]) => Promise<unknown>;
}

/** What the store gives a save: how to serialize the values, and how to read stored bytes back. */
export interface Values {
  serialize(session: GorillaSession): Buffer;
  deserialize(data: Buffer, session: GorillaSession): void;
}

function deleted(): SessionsError {
  return new SessionsError(
    "ERR_SESSION_DELETED",
    "sessions: compare-and-set: the session was deleted while the request ran",
  );
}

/** The most a save waits after its `attempt`-th try failed: 2, 4, 8 … up to 64 ms. */
export function backoffMs(attempt: number): number {
  return 2 ** Math.min(attempt - 1, 6);
}

export class CompareAndSet {
  /** The bytes each session was loaded from, with the ID they were loaded under. */
  private readonly loaded = new WeakMap<GorillaSession, { id: string; data: Buffer }>();
  /** The last save queued per key. */
  private readonly turns = new Map<string, Promise<void>>();
  /** The last bytes a save met under each key that has saves queued. */
  private readonly latest = new Map<string, Buffer>();
  private readonly defined = new WeakSet<object>();
  readonly attempts: number;

  constructor(attempts: number) {
    if (!Number.isSafeInteger(attempts) || attempts < 1) {
      throw new SessionsTypeError(
        "ERR_INVALID_CONFIG",
        `sessions: compare-and-set attempts must be a positive integer, got ${attempts}`,
      );
    }
    this.attempts = attempts;
  }

  /** Remembers the bytes `session` was loaded from (its key existed). */
  remember(session: GorillaSession, data: Buffer): void {
    this.loaded.set(session, { id: session.ID, data });
  }

  /**
   * Writes `data` (the serialized `session`) under `key` when the key still holds what the
   * session was loaded from,
   * else makes the session's recorded changes again on the current values and retries.
   * Rejects when the key was deleted meanwhile (the session was destroyed: it is not
   * written again) or when every attempt met a newer value.
   */
  save(
    client: SessionClient,
    key: string,
    age: number,
    session: GorillaSession,
    data: Buffer,
    values: Values,
  ): Promise<void> {
    const previous = this.turns.get(key);
    const run = (previous ?? Promise.resolve()).then(() =>
      this.attempt(client, key, age, session, data, values),
    );
    const turn = run.then(
      () => undefined,
      () => undefined,
    );
    this.turns.set(key, turn);
    void turn.then(() => {
      if (this.turns.get(key) !== turn) return;
      this.turns.delete(key);
      this.latest.delete(key);
    });
    return run;
  }

  private async attempt(
    client: SessionClient,
    key: string,
    age: number,
    session: GorillaSession,
    first: Buffer,
    values: Values,
  ): Promise<void> {
    const script = this.script(client);
    const journal = journalOf(session);
    let data = first;
    // The save before this one in turn left newer bytes than these were loaded from: start
    // from them rather than meet them in a first attempt that must fail.
    const newer = this.latest.get(key);
    const from = this.loaded.get(session);
    if (
      newer !== undefined &&
      from !== undefined &&
      from.id === session.ID &&
      !newer.equals(from.data)
    ) {
      this.rebase(session, newer, values);
      data = values.serialize(session);
    }
    for (let attempt = 1; ; attempt++) {
      const from = this.loaded.get(session);
      const expected = from !== undefined && from.id === session.ID ? from.data : null;
      const reply = await script(key, expected === null ? "0" : "1", expected ?? "", age, data);
      if (reply === 1) {
        this.loaded.set(session, { id: session.ID, data });
        this.latest.set(key, data);
        if (journal !== undefined) journal.length = 0;
        return;
      }
      if (reply === 0 && expected !== null) throw deleted();
      if (attempt >= this.attempts) {
        throw new SessionsError(
          "ERR_SAVE_CONFLICT",
          `sessions: compare-and-set: the session changed under each of ${this.attempts} attempts to save it`,
        );
      }
      let current = reply as Buffer;
      if (attempt >= 2) {
        await sleep(Math.random() * backoffMs(attempt));
        const fresh = await client.getBuffer(key);
        if (fresh === null) throw deleted();
        current = fresh;
      }
      this.latest.set(key, current);
      this.rebase(session, current, values);
      data = values.serialize(session);
    }
  }

  /** Makes `session` the values stored as `current` plus the changes its request recorded. */
  private rebase(session: GorillaSession, current: Buffer, values: Values): void {
    session.Values = new Map();
    values.deserialize(current, session);
    this.loaded.set(session, { id: session.ID, data: current });
    const journal = journalOf(session);
    if (journal !== undefined) for (const change of journal) change(session);
  }

  /** The script as a command of `client` (EVALSHA, EVAL the first time), defined once per client. */
  private script(
    client: SessionClient,
  ): (...args: (string | number | Buffer)[]) => Promise<unknown> {
    const c = client as unknown as ScriptClient;
    if (typeof c.defineCommand !== "function") {
      throw new SessionsTypeError(
        "ERR_INVALID_CONFIG",
        "sessions: compare-and-set needs an ioredis client (defineCommand)",
      );
    }
    if (!this.defined.has(c)) {
      c.defineCommand(command, { numberOfKeys: 1, lua: compareAndSetScript });
      this.defined.add(c);
    }
    return (...args) => c[`${command}Buffer`](...args);
  }
}
