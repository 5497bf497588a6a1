/**
 * The `Session` of one request.
 * Port of hertz-contrib/sessions v1.0.3 `sessions.go` (the `session` type).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { flashesKey, type GorillaSession } from "./GorillaSession.ts";
import { journalOf } from "./journal.ts";
import { errorText, logError } from "./logger.ts";
import type { Options } from "./Options.ts";
import { regenerate } from "./regenerate.ts";
import { takeRenewal } from "./rolling.ts";
import type { Session } from "./Session.ts";
import { SessionsError } from "./SessionsError.ts";
import type { SessionResult, Store } from "./Store.ts";
import { toGorillaOptions } from "./toGorillaOptions.ts";

/** What `Save` returns when there is nothing to save. */
const resolved = Promise.resolve();

/** `#load` of a session, handed over by the class's static block to `loadRequestSession`. */
let load: (s: RequestSession) => Promise<void>;

export class RequestSession implements Session {
  private readonly name: string;
  private readonly req: IncomingMessage;
  private readonly res: ServerResponse;
  private readonly store: Store;
  private session: GorillaSession | null = null;
  private written = false;

  constructor(name: string, req: IncomingMessage, res: ServerResponse, store: Store) {
    this.name = name;
    this.req = req;
    this.res = res;
    this.store = store;
  }

  ID(): string {
    return this.Session().ID;
  }

  Get(key: unknown): unknown {
    return this.Session().Values.get(key);
  }

  Set(key: unknown, val: unknown): void {
    const s = this.Session();
    s.Values.set(key, val);
    journalOf(s)?.push((t) => t.Values.set(key, val));
    this.written = true;
  }

  Delete(key: unknown): void {
    const s = this.Session();
    s.Values.delete(key);
    journalOf(s)?.push((t) => t.Values.delete(key));
    this.written = true;
  }

  /**
   * Sets the value under `key` to `fn(current value)` and returns it. Under a store's
   * compare-and-set, `fn` runs again on the values another request saved meanwhile, so an
   * update computed from the old value (a counter) is never lost.
   */
  Update(key: unknown, fn: (value: unknown) => unknown): unknown {
    const s = this.Session();
    const apply = (t: GorillaSession) => {
      const v = fn(t.Values.get(key));
      t.Values.set(key, v);
      return v;
    };
    const v = apply(s);
    journalOf(s)?.push(apply);
    this.written = true;
    return v;
  }

  /** Go deletes key by key, so an empty session is not marked written. */
  Clear(): void {
    const values = this.Session().Values;
    if (values.size === 0) return;
    values.clear();
    journalOf(this.Session())?.push((t) => t.Values.clear());
    this.written = true;
  }

  AddFlash(value: unknown, key?: string): void {
    const s = this.Session();
    s.AddFlash(value, key);
    journalOf(s)?.push((t) => t.AddFlash(value, key));
    this.written = true;
  }

  Flashes(key?: string): unknown[] {
    this.written = true;
    const s = this.Session();
    journalOf(s)?.push((t) => t.Values.delete(key ?? flashesKey));
    return s.Flashes(key);
  }

  Options(options: Options): void {
    this.written = true;
    this.Session().Options = toGorillaOptions(options);
  }

  /** A new session ID at the next `Save`; the store forgets the old one (see `regenerate.ts`). */
  Regenerate(): void {
    regenerate(this.Session());
    this.written = true;
  }

  /** Saves the session again at the next `Save`, renewing its expiry, though nothing changed. */
  Touch(): void {
    this.Session();
    this.written = true;
  }

  /**
   * Deletes the session now: its values, its stored copy and its cookie, the cookie deleted with
   * the store's default options (their `Path` and `Domain`), whatever options the session was
   * given. A later use of the session in this request starts a new one.
   */
  async Destroy(): Promise<void> {
    const s = this.Session();
    const defaults = this.store.NewSession?.(this.name).Options ?? s.Options;
    s.Values.clear();
    s.Options = { ...defaults, MaxAge: -1 };
    this.written = true;
    await this.Save();
    this.session = null;
  }

  /** Saves the session when it changed; a Promise, also of what the store throws. */
  Save(): Promise<void> {
    if (!this.written) return resolved;
    try {
      if (this.res.headersSent) {
        throw new SessionsError(
          "ERR_HEADERS_SENT",
          `sessions: cannot save session ${JSON.stringify(this.name)}: the response headers were already sent`,
        );
      }
      const store = this.store;
      if (store.SaveSync !== undefined) {
        store.SaveSync(this.req, this.res, this.Session());
        this.written = false;
        return resolved;
      }
      return store.Save(this.req, this.res, this.Session()).then(() => {
        this.written = false;
      });
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /**
   * The gorilla session. Resolved by the middleware when the request carries the cookie;
   * otherwise built on first use from the store's `NewSession`.
   */
  Session(): GorillaSession {
    let s = this.session;
    if (s === null) {
      if (this.store.NewSession === undefined) {
        throw new SessionsError(
          "ERR_NOT_LOADED",
          `sessions: session ${JSON.stringify(this.name)} was not loaded: use it inside the middleware's next()`,
        );
      }
      s = this.store.NewSession(this.name);
      this.session = s;
    }
    return s;
  }

  /** Whether the session changed since it was loaded or last saved. */
  Written(): boolean {
    return this.written;
  }

  /** Loads the session with `store.Get`. */
  #load(): Promise<void> {
    try {
      return this.store.Get(this.req, this.name).then((result) => this.loaded(result));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /**
   * Takes the loaded session, logging its error as Hertz does. A session of a rolling store
   * whose cookie is due for renewal (`rolling.ts`) is saved at once, before the handler runs,
   * so that a handler that only reads it renews it too (the Promise of that save; a failed
   * renewal is logged and the request goes on).
   */
  private loaded([session, err]: SessionResult): Promise<void> | undefined {
    this.session = session;
    if (err !== null) logError(`[sessions] ERROR! ${errorText(err)}\n`);
    if (!takeRenewal(session)) return;
    this.written = true;
    return this.Save().catch((e: unknown) => logError(`[sessions] ERROR! ${errorText(e)}\n`));
  }

  static {
    load = (s) => s.#load();
  }
}

/** Loads the session `s` (the middleware's step before `next()`). */
export function loadRequestSession(s: RequestSession): Promise<void> {
  return load(s);
}
