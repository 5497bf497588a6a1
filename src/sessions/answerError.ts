/**
 * What the middleware does with an error nobody else will handle: in the
 * `http.createServer` pattern the Promise the middleware returns is dropped, so a rejection
 * there would end the process. The error is logged through the sessions logger and the
 * request is answered instead.
 */
import type { ServerResponse } from "node:http";
import { errorText, logError } from "./logger.ts";
import { isSessionsError } from "./SessionsError.ts";

/** The status of a failed request: 503 when the store is unreachable, else 500. */
export function statusOf(err: unknown): 503 | 500 {
  return isSessionsError(err, "ERR_STORE_UNAVAILABLE") ? 503 : 500;
}

const bodies = { 500: "Internal Server Error\n", 503: "Service Unavailable\n" };

/**
 * Logs `err` (`[sessions] ERROR! <message>`) and answers the request: a plain-text 500, or
 * 503 when the store is unreachable, in place of whatever headers the handler had set; when
 * the headers are already sent, the response is ended as it is.
 */
export function answerError(res: ServerResponse, err: unknown): void {
  logError(`[sessions] ERROR! ${errorText(err)}\n`);
  try {
    if (res.headersSent) {
      if (!res.writableEnded) res.end();
      return;
    }
    const status = statusOf(err);
    for (const h of res.getHeaderNames()) res.removeHeader(h);
    res.statusCode = status;
    res.setHeader("content-type", "text/plain; charset=utf-8");
    res.setHeader("content-length", Buffer.byteLength(bodies[status]));
    res.end(bodies[status]);
  } catch (e) {
    logError(`[sessions] ERROR! the failed request could not be answered: ${errorText(e)}\n`);
  }
}
