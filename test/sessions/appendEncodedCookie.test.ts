/**
 * A store's Set-Cookie: securecookie's values are written as they are (the sanitizing Go
 * does would leave them so), another codec's values are sanitized as Go does.
 */
import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { type Codec, JSONEncoder, New } from "../../src/securecookie/index.ts";
import { appendEncodedCookie } from "../../src/sessions/appendEncodedCookie.ts";
import { newCookie, newPlainCookie } from "../../src/sessions/cookieHeader.ts";
import type { Options } from "../../src/sessions/Options.ts";
import { captureLog } from "../support/captureLog.ts";

const options: Options = { Path: "/", MaxAge: 3600, HttpOnly: true };

function setCookieOf(codecs: Codec[], value: unknown): string {
  const res = new ServerResponse(new IncomingMessage(new Socket()));
  appendEncodedCookie(res, "mysession", value, codecs, options);
  return String(res.getHeader("set-cookie"));
}

test("a SecureCookie's value: the header newCookie gives", () => {
  const codec = New(Buffer.from("hash"), Buffer.alloc(32, 1)).SetSerializer(new JSONEncoder());
  const line = setCookieOf([codec], { n: 1 });
  const value = line.slice("mysession=".length, line.indexOf(";"));
  assert.equal(codec.Decode("mysession", value), { n: 1 });
  assert.is(
    line.replace(/Expires=[^;]*/, ""),
    newCookie("mysession", value, options).replace(/Expires=[^;]*/, ""),
  );
});

test("another codec's value is sanitized as Go does (quoted for a space or a comma)", () => {
  const spaced: Codec = { Encode: () => "a b,c", Decode: () => null };
  assert.match(setCookieOf([spaced], 1), /^mysession="a b,c"; Path=\//);
  const invalid: Codec = { Encode: () => 'x"y;z', Decode: () => null };
  let line = "";
  const logged = captureLog(() => {
    line = setCookieOf([invalid], 1);
  });
  assert.match(line, /^mysession=xyz; Path=\//);
  assert.equal(logged, [`net/http: invalid byte '"' in Cookie.Value; dropping invalid bytes`]);
});

test("newPlainCookie equals newCookie for every base64 value", () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(2 ** 40), (bytes, now) => {
      const value =
        Buffer.from(bytes).toString("base64url") + "=".repeat((3 - (bytes.length % 3)) % 3);
      assert.is(
        newPlainCookie("mysession", value, options).replace(/Expires=[^;]*/, ""),
        newCookie("mysession", value, options, now).replace(/Expires=[^;]*/, ""),
      );
    }),
  );
});

test.run();
