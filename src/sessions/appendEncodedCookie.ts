/**
 * A store's `Set-Cookie` for a session: its value (the values, or the session ID) encoded by
 * the store's codecs, as gorilla/sessions v1.2.2 stores write it:
 * `http.SetCookie(w, NewCookie(name, encoded, options))` after
 * `securecookie.EncodeMulti(name, value, codecs...)`.
 */
import type { ServerResponse } from "node:http";
import type { Codec } from "../securecookie/multi.ts";
import { encodeWith } from "../securecookie/multi.ts";
import { SecureCookie } from "../securecookie/SecureCookie.ts";
import { appendSetCookie, newCookie, newPlainCookie } from "./cookieHeader.ts";
import type { Options } from "./Options.ts";

/**
 * Encodes `value` with the first codec that can and adds the cookie to the response. What
 * a `SecureCookie` encodes is base64, which needs no sanitizing, so that check is skipped
 * when every codec is one.
 */
export function appendEncodedCookie(
  res: ServerResponse,
  name: string,
  value: unknown,
  codecs: Codec[],
  options: Options,
): void {
  const encoded = encodeWith(codecs, name, value);
  let plain = true;
  for (const c of codecs) if (!(c instanceof SecureCookie)) plain = false;
  appendSetCookie(
    res,
    plain ? newPlainCookie(name, encoded, options) : newCookie(name, encoded, options),
  );
}
