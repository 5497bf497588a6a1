/**
 * Opening and checking a store's Redis connection.
 * Port of hertz-contrib/sessions v1.0.3 `redis/redistore.go` (`dial`, `dialWithDB`, `ping`).
 */
import { Redis } from "ioredis";
import { SessionsError, SessionsTypeError } from "../sessions/SessionsError.ts";
import { addressOptions, DefaultClientOptions } from "./clientOptions.ts";
import { storeCall, storeError } from "./storeError.ts";

/**
 * Connects to Redis at `network`/`address` (with `AUTH password` when it is not empty and
 * `SELECT db` when given) and checks it with `PING`. Rejects with the cause when Redis cannot
 * be reached in `connectTimeout + commandTimeout` milliseconds; the client is closed then, so
 * nothing keeps retrying in the background.
 */
export async function dial(
  network: string,
  address: string,
  password: string,
  db?: string,
): Promise<Redis> {
  const where = `${network} ${address}`;
  let target: ReturnType<typeof addressOptions>;
  try {
    target = addressOptions(network, address);
  } catch (err) {
    throw new SessionsTypeError(
      "ERR_INVALID_CONFIG",
      `redis: cannot connect to ${where}: ${(err as Error).message}`,
      { cause: err },
    );
  }
  const dbIndex = db !== undefined && /^\d+$/.test(db) ? Number(db) : undefined;
  const client = new Redis({
    ...DefaultClientOptions,
    ...target,
    ...(password !== "" ? { password } : {}),
    ...(dbIndex !== undefined ? { db: dbIndex } : {}),
  });
  let lastError: Error | undefined;
  // Without a listener ioredis prints every connection error; the store reports errors through
  // its own results instead.
  client.on("error", (err: Error) => {
    lastError = err;
  });
  const deadline =
    (DefaultClientOptions.connectTimeout ?? 0) + (DefaultClientOptions.commandTimeout ?? 0);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      (async () => {
        await client.connect();
        // ioredis selects the database while connecting but only reports a failure as an
        // event; an explicit SELECT makes a bad index fail the start, as in Go.
        if (db !== undefined) await client.select(db);
        await ping(client);
      })(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(noAnswer(deadline)), deadline);
      }),
    ]);
  } catch (err) {
    client.disconnect();
    const cause = lastError ?? (err as Error);
    throw new SessionsError(
      storeError(cause).code,
      `redis: cannot connect to ${where}: ${cause.message}`,
      {
        cause,
      },
    );
  } finally {
    clearTimeout(timer);
  }
  return client;
}

/** Go's `ping`: `PING` must answer `PONG`. */
export async function ping(client: Pick<Redis, "ping">): Promise<void> {
  const reply = await storeCall(client.ping());
  if (reply !== "PONG") {
    throw new SessionsError("ERR_STORE_REPLY", `redis: PING answered ${JSON.stringify(reply)}`);
  }
}

/** The error of a start that got no answer within `ms`. */
export function noAnswer(ms: number): SessionsError {
  return new SessionsError("ERR_STORE_UNAVAILABLE", `no answer in ${ms} ms`);
}
