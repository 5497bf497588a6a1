/** New and Many refuse what is no Store where the middleware is made, a Promise above all. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { NewStore } from "../../src/cookie/index.ts";
import { Many, New } from "../../src/sessions/middleware.ts";
import type { Store } from "../../src/sessions/Store.ts";
import { configError } from "../support/configError.ts";

const store = NewStore(Buffer.alloc(32, 1));

test("a Promise of a store (a forgotten await) is refused with the fix", () => {
  const pending = Promise.resolve(store) as unknown as Store;
  configError(
    () => New("s", pending),
    /^sessions: New: the store is a Promise; did you forget await\?/,
  );
  configError(
    () => Many(["a"], pending),
    /^sessions: Many: the store is a Promise; did you forget await\?/,
  );
});

test("something that is no Store is refused, naming what is missing", () => {
  configError(
    () => New("s", undefined as unknown as Store),
    /the store is not a Store \(missing Get, New, Save, Options\)/,
  );
  configError(() => New("s", { Get() {}, New() {} } as unknown as Store), /missing Save, Options/);
  configError(() => Many("ab" as unknown as string[], store), /names must be an array/);
  configError(() => New("a b", store), /invalid character in cookie name: a b/);
});

test("a real store is accepted", () => {
  assert.type(New("s", store), "function");
  assert.type(Many(["a", "b"], store), "function");
});

test.run();
