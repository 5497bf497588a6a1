/**
 * The store contract: gorilla/sessions v1.2.2 `Store` (`store.go`) plus hertz-contrib/sessions
 * v1.0.3's `Options(Options)` (`sessions.go`).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { GorillaSession } from "./GorillaSession.ts";
import type { Options } from "./Options.ts";

/**
 * Go returns `(*Session, error)`: on a bad cookie or a store failure the session is a new
 * empty one and the error says why. The same pair is returned here.
 */
export type SessionResult = [session: GorillaSession, error: Error | null];

export interface Store {
  /** Returns the session for `name` (gorilla caches it per request; the middleware does). */
  Get(req: IncomingMessage, name: string): Promise<SessionResult>;
  /** Loads the session named `name` from the request, or a new one. */
  New(req: IncomingMessage, name: string): Promise<SessionResult>;
  /** Persists the session and appends its `Set-Cookie` header to the response. */
  Save(req: IncomingMessage, res: ServerResponse, session: GorillaSession): Promise<void>;
  /** Replaces the store's default options for new sessions (Hertz's `Store.Options`). */
  Options(options: Options): void;
  /**
   * Optional (no Go counterpart): the session `New` resolves to for a request that carries no
   * cookie `name` — new (`IsNew`), empty, with a copy of the store's default options — built
   * synchronously without I/O. With it the middleware serves such a request without calling
   * the store until the session is used, and without a Promise; without it the middleware
   * awaits `Get` before `next()` on every request.
   */
  NewSession?(name: string): GorillaSession;
  /**
   * Optional (no Go counterpart), for stores that save without I/O (the cookie store): `Save`
   * done at once, throwing what `Save` would reject with. `Session.Save()` then resolves
   * without waiting a tick.
   */
  SaveSync?(req: IncomingMessage, res: ServerResponse, session: GorillaSession): void;
}
