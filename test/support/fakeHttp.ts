/**
 * Requests and responses for driving the middleware and the stores without a server.
 * Two kinds: real `node:http` objects on an unconnected socket (`request`, `response`), for
 * code that writes headers; and bare stand-ins (`fakeRequest`, `fakeResponse`) holding only
 * what the code under test may touch, so that touching anything else fails the test.
 */
import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";

/** A real request carrying `cookie` (a `name=value` pair or a full Cookie header). */
export function request(cookie?: string): IncomingMessage {
  const req = new IncomingMessage(new Socket());
  if (cookie !== undefined) req.headers.cookie = cookie;
  return req;
}

/** A real response to `req` (a new request when omitted); read its headers with `setCookies`. */
export function response(req: IncomingMessage = request()): ServerResponse {
  return new ServerResponse(req);
}

/** The Set-Cookie headers written to `res`. */
export function setCookies(res: ServerResponse): string[] {
  const h = res.getHeader("set-cookie");
  return h === undefined ? [] : Array.isArray(h) ? h : [String(h)];
}

/** A stand-in request: only `headers`, holding `cookie` when given. */
export function fakeRequest(cookie?: string): IncomingMessage {
  return { headers: cookie === undefined ? {} : { cookie } } as IncomingMessage;
}

/** A stand-in response: only `headersSent: false` (no header can be written to it). */
export function fakeResponse(): ServerResponse {
  return { headersSent: false } as ServerResponse;
}
