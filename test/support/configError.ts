/** The check of a configuration error: what the stores and the middleware throw for bad setup. */
import * as assert from "uvu/assert";
import { SessionsTypeError } from "../../src/sessions/SessionsError.ts";

/** Asserts that `fn()` throws a SessionsTypeError `ERR_INVALID_CONFIG` whose message matches `re`. */
export function configError(fn: () => unknown, re: RegExp): void {
  try {
    fn();
  } catch (e) {
    assert.instance(e, SessionsTypeError);
    assert.is((e as SessionsTypeError).code, "ERR_INVALID_CONFIG");
    assert.match((e as Error).message, re);
    return;
  }
  assert.unreachable(`expected a SessionsTypeError matching ${re}`);
}
