/**
 * A session store keeping session values in a Redis Cluster and only the session ID in the
 * cookie. Port of hertz-contrib/sessions v1.0.3 `rediscluster/redisc_store.go` onto ioredis's
 * `Cluster`. Same wire format as the single-node store (`../redis/RediStore.ts`).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Cluster } from "ioredis";
import { asBuffer } from "../redis/asBuffer.ts";
import { newSessionID } from "../redis/sessionID.ts";
import { type Codec, CodecsFromPairs, DecodeMulti, EncodeMulti } from "../securecookie/index.ts";
import { GobSerializer, type Serializer } from "../serializers/index.ts";
import { appendSetCookie, newCookie } from "../sessions/cookieHeader.ts";
import { GorillaSession } from "../sessions/GorillaSession.ts";
import type { Options } from "../sessions/Options.ts";
import { requestCache } from "../sessions/requestCache.ts";
import { requestCookie } from "../sessions/requestCookie.ts";
import type { SessionResult, Store as SessionStore } from "../sessions/Store.ts";
import { toGorillaOptions } from "../sessions/toGorillaOptions.ts";

/** Amount of time, in seconds, for cookies and Redis keys to expire (30 days). */
export const sessionExpire = 86400 * 30;

export class Store implements SessionStore {
  /** The cluster client (Go: `Rdb`). */
  Rdb: Cluster;
  Codecs: Codec[];
  /** Default options of new sessions: `Path "/"`, `MaxAge 86400*30`. */
  Opts: Options;
  /** Redis TTL in seconds for a session whose `MaxAge` is 0 (20 minutes). */
  DefaultMaxAge = 60 * 20;
  private maxLength = 4096;
  private keyPrefix = "session_";
  private serializer: Serializer = new GobSerializer();

  /** Go's `NewStoreWithOption` minus the connection check (see `NewStoreWithOption`). */
  constructor(rdb: Cluster, ...kvs: (Uint8Array | null | undefined)[]) {
    this.Rdb = rdb;
    this.Codecs = CodecsFromPairs(...kvs);
    this.Opts = { Path: "/", MaxAge: sessionExpire };
  }

  /**
   * Replaces the default options of new sessions. The codecs' MaxAge is left as it is (this
   * store has no `SetMaxAge`, as in Go).
   */
  Options(options: Options): void {
    this.Opts = toGorillaOptions(options);
  }

  /** Returns the session for `name`, cached for the rest of the request. */
  Get(req: IncomingMessage, name: string): Promise<SessionResult> {
    return requestCache(req, name, this);
  }

  /**
   * Returns the session `name` of the request without caching it: the stored one when the
   * cookie decodes and the cluster holds its key, else a new one (`IsNew`) plus the error, if
   * any. A missing key is no error (a new session keeping the cookie's ID, as the single-node
   * store does).
   */
  async New(req: IncomingMessage, name: string): Promise<SessionResult> {
    const session = this.NewSession(name);
    const value = requestCookie(req, name);
    if (value === undefined) return [session, null];
    try {
      const id = DecodeMulti(name, value, ...this.Codecs);
      if (typeof id !== "string") {
        return [session, new Error("sessions: the cookie does not hold a session ID")];
      }
      session.ID = id;
      const ok = await this.load(session);
      session.IsNew = !ok;
      return [session, null];
    } catch (err) {
      return [session, asError(err)];
    }
  }

  /**
   * Saves the session and appends its cookie: `MaxAge <= 0` deletes the key and expires the
   * cookie; otherwise a new session gets its ID, the cluster gets `SETEX`, then the cookie.
   */
  async Save(_req: IncomingMessage, res: ServerResponse, session: GorillaSession): Promise<void> {
    if ((session.Options.MaxAge ?? 0) <= 0) {
      await this.delete(session);
      appendSetCookie(res, newCookie(session.Name(), "", session.Options));
      return;
    }
    if (session.ID === "") session.ID = newSessionID();
    await this.save(session);
    const encoded = EncodeMulti(session.Name(), session.ID, ...this.Codecs);
    appendSetCookie(res, newCookie(session.Name(), encoded, session.Options));
  }

  /** Closes every connection of the cluster client. */
  async Close(): Promise<void> {
    if (this.Rdb.status === "end") return;
    const ended = new Promise((resolve) => this.Rdb.once("end", resolve));
    try {
      await this.Rdb.quit();
    } catch {
      this.Rdb.disconnect();
    }
    await ended;
  }

  /**
   * Restricts the serialized session to `l` bytes when `l >= 0` (ignored otherwise);
   * 0 means no limit. Default: 4096.
   */
  SetMaxLength(l: number): void {
    if (l >= 0) this.maxLength = l;
  }

  /** Sets the Redis key prefix. Default: `"session_"`. */
  SetKeyPrefix(p: string): void {
    this.keyPrefix = p;
  }

  /** Sets the serializer of session values. Default: gob. */
  SetSerializer(ss: Serializer): void {
    this.serializer = ss;
  }

  /** @internal Reads the session: `false` when the key does not exist. */
  async load(session: GorillaSession): Promise<boolean> {
    const data = await this.Rdb.getBuffer(this.keyPrefix + session.ID);
    if (data === null) return false;
    this.serializer.Deserialize(data, session);
    return true;
  }

  /**
   * @internal Stores the session: serialize, check `maxLength`, `SETEX` with
   * `session.Options.MaxAge` or `DefaultMaxAge` when that is 0.
   */
  async save(session: GorillaSession): Promise<void> {
    const b = this.serializer.Serialize(session);
    if (this.maxLength !== 0 && b.length > this.maxLength) {
      throw new Error("SessionStore: the value to store is too big");
    }
    let age = session.Options.MaxAge ?? 0;
    if (age === 0) age = this.DefaultMaxAge;
    await this.Rdb.setex(this.keyPrefix + session.ID, age, asBuffer(b));
  }

  /** @internal Checks a cluster node with `PING`, resolving `true` on `PONG`. */
  async ping(): Promise<boolean> {
    return (await this.Rdb.ping()) === "PONG";
  }

  /** @internal Removes the session's key. */
  async delete(session: GorillaSession): Promise<void> {
    await this.Rdb.del(this.keyPrefix + session.ID);
  }

  /**
   * The session `New` gives for a request without the cookie (new, empty, a copy of the store
   * options), built without I/O: the middleware then calls the store only when it must.
   */
  NewSession(name: string): GorillaSession {
    const session = GorillaSession.New(this, name);
    session.Options = { ...this.Opts };
    session.IsNew = true;
    return session;
  }
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}
