/**
 * Sessions kept entirely in the cookie.
 * Port of gorilla/sessions v1.2.2 `store.go` (`CookieStore`, `NewCookieStore`) with
 * hertz-contrib/sessions v1.0.3 `cookie/cookie.go` (the `store` wrapper and its `Options`).
 */

import type { IncomingMessage, ServerResponse } from "node:http";
import { asError } from "../internal/asError.ts";
import { type Codec, CodecsFromPairs, SecureCookie } from "../securecookie/index.ts";
import { decodeWith } from "../securecookie/multi.ts";
import { appendEncodedCookie } from "../sessions/appendEncodedCookie.ts";
import { checkKeyPairs, warnShortHashKeys } from "../sessions/checkKeyPairs.ts";
import { encodeError } from "../sessions/encodeError.ts";
import { GorillaSession } from "../sessions/GorillaSession.ts";
import type { Options } from "../sessions/Options.ts";
import { requestCache } from "../sessions/requestCache.ts";
import { requestCookie } from "../sessions/requestCookie.ts";
import { rememberIssued } from "../sessions/rolling.ts";
import { SessionsError } from "../sessions/SessionsError.ts";
import type { SessionResult, Store } from "../sessions/Store.ts";
import { toGorillaOptions } from "../sessions/toGorillaOptions.ts";

/**
 * The session values live in the cookie itself, authenticated (and encrypted when a block
 * key is given) by securecookie; the session `ID` stays empty.
 */
export class CookieStore implements Store {
  /** One codec per key pair; the first encodes, all are tried to decode (key rotation). */
  Codecs: Codec[];
  /**
   * Default options of new sessions: `Path "/"`, `MaxAge 86400*30` (gorilla's `Options`
   * field; `Options` is the method of the store contract here).
   */
  Opts: Options;
  private rolling = false;

  /**
   * gorilla's `NewCookieStore`: key pairs alternate hash key and block key (`null` for
   * none), as securecookie's `CodecsFromPairs`; the codecs' MaxAge is set to the default
   * MaxAge (30 days). Throws a `SessionsTypeError` (`ERR_INVALID_CONFIG`) for keys no codec
   * could use (see `checkKeyPairs`).
   */
  constructor(...keyPairs: (Uint8Array | null | undefined)[]) {
    checkKeyPairs("cookie.NewStore", keyPairs);
    warnShortHashKeys(keyPairs);
    this.Codecs = CodecsFromPairs(...keyPairs);
    this.Opts = { Path: "/", MaxAge: 86400 * 30 };
    this.MaxAge(this.Opts.MaxAge!);
  }

  /** gorilla's `Registry.Get`: the session `name` of the request, cached for the rest of the request. */
  Get(req: IncomingMessage, name: string): Promise<SessionResult> {
    return requestCache(req, name, this);
  }

  /**
   * gorilla's `CookieStore.New`: a new session with a copy of the default options; when the
   * request has the cookie and it decodes, its values and `IsNew = false`; when it does not
   * decode, the new session and the error.
   */
  async New(req: IncomingMessage, name: string): Promise<SessionResult> {
    const value = requestCookie(req, name);
    let err: Error | null = null;
    if (value !== undefined) {
      try {
        const values = decodeWith(this.Codecs, name, value);
        if (!(values instanceof Map)) {
          throw new SessionsError(
            "ERR_BAD_COOKIE",
            "sessions: the cookie does not hold a map[interface {}]interface {}",
          );
        }
        const session = this.session(name, values, false);
        if (this.rolling) rememberIssued(session, value);
        return [session, null];
      } catch (e) {
        err = asError(e);
      }
    }
    return [this.NewSession(name), err];
  }

  /** The session `New` gives for a request without the cookie, synchronously. */
  NewSession(name: string): GorillaSession {
    return this.session(name, undefined, true);
  }

  /** A session with a copy of the default options, and `values` (empty when undefined). */
  private session(name: string, values: Map<unknown, unknown> | undefined, isNew: boolean) {
    const session = GorillaSession.New(this, name, values);
    session.Options = { ...this.Opts };
    session.IsNew = isNew;
    return session;
  }

  /** gorilla's `CookieStore.Save`, as a Promise (see `SaveSync`). */
  async Save(req: IncomingMessage, res: ServerResponse, session: GorillaSession): Promise<void> {
    this.SaveSync(req, res, session);
  }

  /** gorilla's `CookieStore.Save`: encodes the values with the first codec into the cookie. */
  SaveSync(_req: IncomingMessage, res: ServerResponse, session: GorillaSession): void {
    const name = session.Name();
    try {
      appendEncodedCookie(res, name, session.Values, this.Codecs, session.Options);
    } catch (err) {
      throw encodeError(err, name, session.Values, (one) => this.Codecs[0].Encode(name, one));
    }
  }

  /**
   * hertz-contrib's `store.Options`: replaces the default options of new sessions. The
   * codecs keep their MaxAge (use `MaxAge` to change both), as in Go: a store given
   * `MaxAge: 3600` here still accepts cookies up to 30 days old.
   */
  Options(options: Options): void {
    this.Opts = toGorillaOptions(options);
  }

  /**
   * With `on`, a session that is only read is saved again by `Save()` once half its MaxAge has
   * passed since its cookie was issued, renewing the cookie (see `../sessions/rolling.ts`).
   * Default: off.
   */
  SetRolling(on: boolean): void {
    this.rolling = on;
  }

  /** gorilla's `CookieStore.MaxAge`: sets the default MaxAge and every codec's MaxAge. */
  MaxAge(age: number): void {
    this.Opts.MaxAge = age;
    for (const codec of this.Codecs) {
      if (codec instanceof SecureCookie) codec.MaxAge(age);
    }
  }
}
