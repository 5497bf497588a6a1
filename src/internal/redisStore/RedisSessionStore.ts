/**
 * The session logic common to the Redis store (`../../redis/RediStore.ts`, hertz-contrib/sessions
 * v1.0.3 `redis/redistore.go`) and the Redis Cluster store (`../../rediscluster/Store.ts`,
 * `rediscluster/redisc_store.go`): the two Go files hold the same `New`, `Save`, `load`, `save`
 * and `delete` over different clients. Each store supplies its client; this class needs only
 * `GET`, `SETEX`, `DEL` and `PING` of it, and `QUIT` to close it.
 */

import type { IncomingMessage, ServerResponse } from "node:http";
import { type Codec, CodecsFromPairs } from "../../securecookie/index.ts";
import { decodeWith } from "../../securecookie/multi.ts";
import { GobSerializer, type SessionSerializer } from "../../serializers/index.ts";
import { appendEncodedCookie } from "../../sessions/appendEncodedCookie.ts";
import { checkKeyPairs, warnShortHashKeys } from "../../sessions/checkKeyPairs.ts";
import { appendSetCookie, newCookie } from "../../sessions/cookieHeader.ts";
import { encodeError } from "../../sessions/encodeError.ts";
import { GorillaSession } from "../../sessions/GorillaSession.ts";
import { journalOf, openJournal } from "../../sessions/journal.ts";
import type { Options } from "../../sessions/Options.ts";
import { takePreviousID } from "../../sessions/regenerate.ts";
import { requestCache } from "../../sessions/requestCache.ts";
import { requestCookie } from "../../sessions/requestCookie.ts";
import { rememberIssued } from "../../sessions/rolling.ts";
import { isSessionsError, SessionsError, SessionsTypeError } from "../../sessions/SessionsError.ts";
import type { SessionResult, Store } from "../../sessions/Store.ts";
import { toGorillaOptions } from "../../sessions/toGorillaOptions.ts";
import { asError } from "../asError.ts";
import { asBuffer } from "./asBuffer.ts";
import { CompareAndSet, defaultAttempts, type Values } from "./compareAndSet.ts";
import { OutagePolicy } from "./OutagePolicy.ts";
import type { SessionClient } from "./SessionClient.ts";
import { newSessionID } from "./sessionID.ts";
import { storeCall, throwStoreError } from "./storeError.ts";

/** Amount of time, in seconds, for cookies and Redis keys to expire (30 days). */
export const sessionExpire = 86400 * 30;

/** Go's error text when the serialized session exceeds `maxLength`. */
export const errValueTooBig = "SessionStore: the value to store is too big";

/** What the functions after the class use of a store, handed over by its static block. */
let privates: {
  client(store: RedisSessionStore): SessionClient;
  load(store: RedisSessionStore, session: GorillaSession): Promise<boolean>;
  save(store: RedisSessionStore, session: GorillaSession): Promise<unknown>;
};

export abstract class RedisSessionStore implements Store {
  Codecs: Codec[];
  /** Default options of new sessions: `Path "/"`, `MaxAge 86400*30`. */
  Opts: Options;
  /** Redis TTL in seconds for a session whose `MaxAge` is 0 (20 minutes). */
  DefaultMaxAge = 60 * 20;
  private maxLength = 4096;
  private keyPrefix = "session_";
  private serializer: SessionSerializer = new GobSerializer();
  private compareAndSet: CompareAndSet | null = null;
  private rolling = false;
  /** How a compare-and-set save serializes the values and reads the current ones back. */
  private readonly values: Values = {
    serialize: (session) => this.bytes(session),
    deserialize: (data, session) => this.serializer.Deserialize(data, session),
  };
  private outagePolicy: OutagePolicy = OutagePolicy.NewSession;

  /**
   * `where` names the constructor in error messages. Throws a `SessionsTypeError`
   * (`ERR_INVALID_CONFIG`) for keys no codec could use (see `checkKeyPairs`).
   */
  constructor(where: string, keyPairs: (Uint8Array | null | undefined)[]) {
    checkKeyPairs(where, keyPairs);
    warnShortHashKeys(keyPairs);
    this.Codecs = CodecsFromPairs(...keyPairs);
    this.Opts = { Path: "/", MaxAge: sessionExpire };
  }

  /** The store's client, read at each call (the public field may be replaced). */
  protected abstract client(): SessionClient;

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
  SetSerializer(ss: SessionSerializer): void {
    this.serializer = ss;
  }

  /**
   * With `on`, a save never overwrites what another request saved since this one loaded the
   * session: it writes only if the key still holds the bytes loaded (one Lua script), else it
   * makes the request's changes again on the current values and retries, rejecting after
   * `attempts` tries (see `compareAndSet.ts`). Default: off (`SETEX`, as Go).
   */
  SetCompareAndSet(on: boolean, attempts = defaultAttempts): void {
    this.compareAndSet = on ? new CompareAndSet(attempts) : null;
  }

  /**
   * With `on`, a session that is only read is saved again by `Save()` once half its MaxAge has
   * passed since its cookie was issued, renewing the cookie and the key's TTL (see
   * `../sessions/rolling.ts`). Default: off.
   */
  SetRolling(on: boolean): void {
    this.rolling = on;
  }

  /**
   * What a request gets while Redis cannot be reached: `OutagePolicy.NewSession` (the
   * default, Go's behaviour: a new, empty session and a logged error) or `OutagePolicy.Fail`
   * (`Get` rejects with `ERR_STORE_UNAVAILABLE`, which the middleware answers with a 503).
   * A cookie that does not decode is never an outage: it always gives a new session.
   */
  SetOutagePolicy(policy: OutagePolicy): void {
    if (!Object.values(OutagePolicy).includes(policy)) {
      throw new SessionsTypeError(
        "ERR_INVALID_CONFIG",
        `SetOutagePolicy: unknown policy ${JSON.stringify(policy)}: use OutagePolicy.NewSession or OutagePolicy.Fail`,
      );
    }
    this.outagePolicy = policy;
  }

  /**
   * Replaces the default options of new sessions (hertz-contrib's `store.Options`). The codecs'
   * MaxAge is left as it is.
   */
  Options(options: Options): void {
    this.Opts = toGorillaOptions(options);
  }

  /** Closes the client's connections, settling once they have ended. */
  async Close(): Promise<void> {
    const client = this.client();
    if (client.status === "end") return;
    const ended = new Promise<void>((resolve) => client.once("end", resolve));
    try {
      await client.quit();
    } catch {
      client.disconnect();
    }
    await ended;
  }

  /** Returns the session for `name`, cached for the rest of the request. */
  Get(req: IncomingMessage, name: string): Promise<SessionResult> {
    return requestCache(req, name, this);
  }

  /**
   * Returns the session `name` of the request without caching it: the stored one when the
   * cookie decodes and Redis holds its key, else a new one (`IsNew`) plus the error, if any.
   *
   * As in Go's single-node store, a valid cookie whose key is gone (expired) yields a new
   * session that keeps the cookie's ID, so saving it writes the same key again.
   *
   * With `OutagePolicy.Fail`, an unreachable Redis rejects (`ERR_STORE_UNAVAILABLE`) instead.
   */
  async New(req: IncomingMessage, name: string): Promise<SessionResult> {
    const session = this.NewSession(name);
    const value = requestCookie(req, name);
    if (value === undefined) return [session, null];
    let id: unknown;
    try {
      id = decodeWith(this.Codecs, name, value);
    } catch (err) {
      return [session, asError(err)];
    }
    if (typeof id !== "string") {
      return [
        session,
        new SessionsError("ERR_BAD_COOKIE", "sessions: the cookie does not hold a session ID"),
      ];
    }
    session.ID = id;
    if (this.rolling) rememberIssued(session, value);
    try {
      const ok = await this.#load(session);
      session.IsNew = !ok;
      return [session, null];
    } catch (err) {
      const outage = isSessionsError(err, "ERR_STORE_UNAVAILABLE");
      if (outage && this.outagePolicy === OutagePolicy.Fail) throw err;
      return [session, asError(err)];
    }
  }

  /**
   * Saves the session to Redis and appends its cookie. `MaxAge <= 0` deletes the key (Go deletes
   * `<keyPrefix><ID>` even when the ID is empty) and sets an expiring, empty cookie; otherwise a
   * new session gets its ID, Redis gets `SETEX`, then the cookie is written. The key of the ID
   * the session had before `Regenerate` is deleted once the write succeeded.
   */
  async Save(_req: IncomingMessage, res: ServerResponse, session: GorillaSession): Promise<void> {
    const deleting = (session.Options.MaxAge ?? 0) <= 0;
    if (deleting) {
      await this.#delete(session.ID);
    } else {
      if (session.ID === "") session.ID = newSessionID();
      await this.#save(session);
    }
    const previous = takePreviousID(session);
    if (previous !== undefined) await this.#delete(previous);
    if (deleting) appendSetCookie(res, newCookie(session.Name(), "", session.Options));
    else appendEncodedCookie(res, session.Name(), session.ID, this.Codecs, session.Options);
  }

  /**
   * The session `New` gives for a request without the cookie (new, empty, a copy of the store
   * options), built without I/O: the middleware then calls the store only when it must.
   */
  NewSession(name: string): GorillaSession {
    const session = GorillaSession.New(this, name);
    session.Options = { ...this.Opts };
    session.IsNew = true;
    if (this.compareAndSet !== null) openJournal(session);
    return session;
  }

  /**
   * Stores the session: serialize, check `maxLength`, `SETEX` with `session.Options.MaxAge` or
   * `DefaultMaxAge` when that is 0.
   */
  #save(session: GorillaSession): Promise<unknown> {
    const b = this.bytes(session);
    let age = session.Options.MaxAge ?? 0;
    if (age === 0) age = this.DefaultMaxAge;
    const key = this.keyPrefix + session.ID;
    if (this.compareAndSet !== null && journalOf(session) !== undefined) {
      return storeCall(this.compareAndSet.save(this.client(), key, age, session, b, this.values));
    }
    return storeCall(this.client().setex(key, age, b));
  }

  /** The serializer's bytes, checked against `maxLength`; an entry it cannot encode is named. */
  private bytes(session: GorillaSession): Buffer {
    let b: Uint8Array;
    try {
      b = this.serializer.Serialize(session);
    } catch (err) {
      throw encodeError(err, session.Name(), session.Values, (one) =>
        this.serializer.Serialize(GorillaSession.New(this, session.Name(), one)),
      );
    }
    if (this.maxLength !== 0 && b.length > this.maxLength) {
      throw new SessionsError("ERR_VALUE_TOO_LONG", errValueTooBig);
    }
    return asBuffer(b);
  }

  /** Reads the session from Redis: `false` when the key does not exist. */
  #load(session: GorillaSession): Promise<boolean> {
    return this.client()
      .getBuffer(this.keyPrefix + session.ID)
      .then((data) => {
        if (data === null) return false;
        this.compareAndSet?.remember(session, data);
        this.serializer.Deserialize(data, session);
        return true;
      }, throwStoreError);
  }

  /** Removes the key of the session `id`. */
  #delete(id: string): Promise<unknown> {
    return storeCall(this.client().del(this.keyPrefix + id));
  }

  static {
    privates = {
      client: (store) => store.client(),
      load: (store, session) => store.#load(session),
      save: (store, session) => store.#save(session),
    };
  }
}

/** Checks the server (a cluster: one node) with `PING`, resolving `true` on `PONG`. */
export async function pingStore(store: RedisSessionStore): Promise<boolean> {
  return (await privates.client(store).ping()) === "PONG";
}

/**
 * `LoadSessionBySessionId`: the session stored under `sessionId` (empty name, empty options, as
 * in Go), or `null` when Redis holds no such key.
 */
export async function loadBySessionId(
  store: RedisSessionStore,
  sessionId: string,
): Promise<GorillaSession | null> {
  const session = GorillaSession.New(store, "");
  session.ID = sessionId;
  return (await privates.load(store, session)) ? session : null;
}

/** `SaveSessionWithoutContext`: stores `session` under `sessionId`, no cookie. */
export async function saveBySessionId(
  store: RedisSessionStore,
  sessionId: string,
  session: GorillaSession,
): Promise<void> {
  session.ID = sessionId;
  await privates.save(store, session);
}
