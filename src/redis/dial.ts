/**
 * Opening and checking a store's Redis connection.
 * Port of hertz-contrib/sessions v1.0.3 `redis/redistore.go` (`dial`, `dialWithDB`, `ping`).
 */
import { Redis } from "ioredis";
import { addressOptions } from "../internal/redisStore/addressOptions.ts";
import { connectWithin, ping } from "../internal/redisStore/connect.ts";
import { SessionsTypeError } from "../sessions/SessionsError.ts";
import { DefaultClientOptions } from "./clientOptions.ts";

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
  const deadline =
    (DefaultClientOptions.connectTimeout ?? 0) + (DefaultClientOptions.commandTimeout ?? 0);
  await connectWithin(
    client,
    ["error"],
    deadline,
    `redis: cannot connect to ${where}`,
    async () => {
      await client.connect();
      // ioredis selects the database while connecting but only reports a failure as an
      // event; an explicit SELECT makes a bad index fail the start, as in Go.
      if (db !== undefined) await client.select(db);
      await ping(client);
    },
  );
  return client;
}
