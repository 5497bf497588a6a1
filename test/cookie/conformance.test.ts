/** The conformance suite (hertz-contrib's tester) on the cookie store, without and with AES. */
import { NewStore } from "../../src/cookie/index.ts";
import { runConformance } from "../support/conformance.ts";

runConformance("cookie", () => NewStore(Buffer.from("secret")));
runConformance("cookie (AES-256)", () =>
  NewStore(Buffer.from("secret"), Buffer.from("0123456789abcdef0123456789abcdef")),
);
