/**
 * The `Session` of one request.
 * Port of hertz-contrib/sessions v1.0.3 `sessions.go` (the `session` type).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { GorillaSession } from "./GorillaSession.ts";
import { errorText, logError } from "./logger.ts";
import type { Options } from "./Options.ts";
import type { Session } from "./Session.ts";
import { SessionsError } from "./SessionsError.ts";
import type { SessionResult, Store } from "./Store.ts";
import { toGorillaOptions } from "./toGorillaOptions.ts";

/** What `Save` returns when there is nothing to save. */
const resolved = Promise.resolve();

export class RequestSession implements Session {
  private session: GorillaSession | null = null;
  private written = false;

  constructor(
    private readonly name: string,
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
    private readonly store: Store,
  ) {}

  ID(): string {
    return this.Session().ID;
  }

  Get(key: unknown): unknown {
    return this.Session().Values.get(key);
  }

  Set(key: unknown, val: unknown): void {
    this.Session().Values.set(key, val);
    this.written = true;
  }

  Delete(key: unknown): void {
    this.Session().Values.delete(key);
    this.written = true;
  }

  /** Go deletes key by key, so an empty session is not marked written. */
  Clear(): void {
    const values = this.Session().Values;
    if (values.size === 0) return;
    values.clear();
    this.written = true;
  }

  AddFlash(value: unknown, key?: string): void {
    this.Session().AddFlash(value, key);
    this.written = true;
  }

  Flashes(key?: string): unknown[] {
    this.written = true;
    return this.Session().Flashes(key);
  }

  Options(options: Options): void {
    this.written = true;
    this.Session().Options = toGorillaOptions(options);
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

  /**
   * @internal Loads the session: at once with `store.GetSync` when the store has it (returns
   * null), else with `store.Get` (returns its Promise).
   */
  load(): Promise<void> | null {
    try {
      const now = this.store.GetSync?.(this.req, this.name);
      if (now !== undefined) {
        this.loaded(now);
        return null;
      }
      return this.store.Get(this.req, this.name).then((result) => this.loaded(result));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /** Takes the loaded session, logging its error as Hertz does. */
  private loaded([session, err]: SessionResult): void {
    this.session = session;
    if (err !== null) logError(`[sessions] ERROR! ${errorText(err)}\n`);
  }
}
