/**
 * A store for the middleware tests: values stay in memory under a counter ID kept in the
 * cookie (no codec), and every call is counted. `lazy: false` leaves out `NewSession`.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { appendSetCookie, newCookie } from "../../src/sessions/cookieHeader.ts";
import { GorillaSession } from "../../src/sessions/GorillaSession.ts";
import type { Options } from "../../src/sessions/Options.ts";
import { requestCookie } from "../../src/sessions/requestCookie.ts";
import type { SessionResult, Store } from "../../src/sessions/Store.ts";

export class MemoryStore implements Store {
  calls = { Get: 0, New: 0, Save: 0, NewSession: 0 };
  data = new Map<string, Map<unknown, unknown>>();
  opts: Options = { Path: "/", MaxAge: 3600 };
  /** When set, Get rejects with it (a broken store). */
  failGet: Error | null = null;
  private seq = 0;
  declare NewSession?: (name: string) => GorillaSession;

  constructor(lazy = true) {
    if (lazy) {
      this.NewSession = (name: string) => {
        this.calls.NewSession++;
        return this.fresh(name);
      };
    }
  }

  private fresh(name: string): GorillaSession {
    const s = GorillaSession.New(this, name);
    s.Options = { ...this.opts };
    s.IsNew = true;
    return s;
  }

  Get(req: IncomingMessage, name: string): Promise<SessionResult> {
    this.calls.Get++;
    if (this.failGet) return Promise.reject(this.failGet);
    return this.New(req, name);
  }

  async New(req: IncomingMessage, name: string): Promise<SessionResult> {
    this.calls.New++;
    const s = this.fresh(name);
    const id = requestCookie(req, name);
    if (id === undefined) return [s, null];
    const values = this.data.get(id);
    if (values === undefined) return [s, new Error(`memory: no session ${id}`)];
    s.ID = id;
    s.Values = new Map(values);
    s.IsNew = false;
    return [s, null];
  }

  async Save(_req: IncomingMessage, res: ServerResponse, s: GorillaSession): Promise<void> {
    this.calls.Save++;
    if (s.ID === "") s.ID = `id${++this.seq}`;
    this.data.set(s.ID, new Map(s.Values));
    appendSetCookie(res, newCookie(s.Name(), s.ID, s.Options));
  }

  Options(options: Options): void {
    this.opts = { ...options };
  }
}
