/**
 * Starting a store's client within a deadline, and checking it with `PING`.
 * Port of hertz-contrib/sessions v1.0.3 `redis/redistore.go` (`ping`) and the connection check of
 * `rediscluster/redisc_store.go` (`NewStoreWithOption`).
 */
import { SessionsError } from "../../sessions/SessionsError.ts";
import { storeCall, storeError } from "./storeError.ts";

/** What `connectWithin` uses of an ioredis `Redis` or `Cluster`. */
export interface Connecting {
  on(event: string, listener: (err: Error) => void): unknown;
  disconnect(): void;
}

/**
 * Runs `start` (connect, then check) on `client`, which must settle within `deadline`
 * milliseconds. The client's `errorEvents` are listened to for good: without a listener ioredis
 * prints every connection error, and the store reports errors through its own results instead.
 * On failure or timeout the client is closed, so nothing keeps retrying in the background, and
 * the rejection is a `SessionsError` (the code of `storeError`) saying
 * `<what>: <the last connection error, else the failure>`.
 */
export async function connectWithin(
  client: Connecting,
  errorEvents: readonly string[],
  deadline: number,
  what: string,
  start: () => Promise<void>,
): Promise<void> {
  let lastError: Error | undefined;
  for (const event of errorEvents) {
    client.on(event, (err: Error) => {
      lastError = err;
    });
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      start(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(noAnswer(deadline)), deadline);
      }),
    ]);
  } catch (err) {
    client.disconnect();
    const cause = lastError ?? (err as Error);
    throw new SessionsError(storeError(cause).code, `${what}: ${cause.message}`, { cause });
  } finally {
    clearTimeout(timer);
  }
}

/** Go's `ping`: `PING` must answer `PONG`. */
export async function ping(client: { ping(): Promise<string> }): Promise<void> {
  const reply = await storeCall(client.ping());
  if (reply !== "PONG") {
    throw new SessionsError("ERR_STORE_REPLY", `redis: PING answered ${JSON.stringify(reply)}`);
  }
}

/** The error of a start that got no answer within `ms`. */
function noAnswer(ms: number): SessionsError {
  return new SessionsError("ERR_STORE_UNAVAILABLE", `no answer in ${ms} ms`);
}
