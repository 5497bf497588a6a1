/**
 * Go's %T and %#v of every session value in Go's gob vectors (test/vectors/gob.json), as
 * printed by real Go (compat/cmd/gocodec, op goString) and by src/cli/goString.ts.
 */
import * as assert from "uvu/assert";
import { GoPrinter } from "../../src/cli/goString.ts";
import { sessionEntries } from "../../src/cli/sessionEntries.ts";
import { decode } from "../../src/gob/index.ts";
import { bytesOf, vectors } from "../support/gobVectors.ts";
import { goCodecSuite } from "../support/gocodec.ts";

type GoEntry = { key: string; keyType: string; type: string; value: string };

const t = goCodecSuite("cli goString");

/**
 * Values whose %#v Go prints from what gob does not send, with the reason; only their %T
 * is compared. (gobtypes registers its types under "main." names, so "gobtypes." reads "main.".)
 */
const valueDiffers: Record<string, string> = {
  blob: "a BinaryMarshaler: Go prints its struct fields, gob sends only its bytes",
  user: "pointer fields print as addresses in Go; an unexported field is not sent",
  "zero user": "nil pointers to basic types and an unexported field",
  users: "holds main.User",
  deep: "holds main.User",
  tree: "a slice of pointers prints as addresses in Go",
};

const sessions = vectors.cases.filter((c) => c.into === "");

t("every session vector prints as Go prints it", async ({ go }) => {
  if (!go) return;
  let compared = 0;
  for (const c of sessions) {
    const want: GoEntry[] = (await go.call<GoEntry[]>("goString", { gob: c.gob })).map((e) => ({
      key: e.key,
      keyType: e.keyType,
      type: e.type.replaceAll("gobtypes.", "main."),
      value: e.value.replaceAll("gobtypes.", "main."),
    }));
    const got = sessionEntries(decode(bytesOf(c.gob)) as Map<unknown, unknown>, new GoPrinter());
    assert.is(got.length, want.length, c.name);
    for (const w of want) {
      const g = got.find((e) => e.key === w.key && e.keyType === w.keyType);
      assert.ok(g, `${c.name}: key ${w.key} (${w.keyType})`);
      assert.is(g.type, w.type, `${c.name} ${w.key} %T`);
      const unquoted = w.key.replace(/^"|"$/g, "");
      if (valueDiffers[unquoted] !== undefined) continue;
      assert.is(g.value, w.value, `${c.name} ${w.key} %#v`);
      compared++;
    }
  }
  assert.ok(compared > 100, `compared ${compared} values`);
});

t("the exceptions are real: Go's %#v differs there", async ({ go }) => {
  if (!go) return;
  const c = sessions.find((s) => s.name === "structs")!;
  const want = await go.call<GoEntry[]>("goString", { gob: c.gob });
  const user = want.find((e) => e.key === '"user"')!;
  assert.match(user.value, /Email:\(\*string\)\(0x[0-9a-f]+\)/);
  assert.match(user.value, /secret:""/);
});

t("Go's fmt map order: whole sessions of string keys print as Go prints them", async ({ go }) => {
  if (!go) return;
  let compared = 0;
  for (const c of sessions) {
    const values = decode(bytesOf(c.gob)) as Map<unknown, unknown>;
    const keys = [...values.keys()];
    if (!keys.every((k) => typeof k === "string") || keys.some((k) => valueDiffers[k as string]))
      continue;
    const want = (await go.call<string>("goStringMap", { gob: c.gob })).replaceAll(
      "gobtypes.",
      "main.",
    );
    const got = sessionEntries(values, new GoPrinter());
    // Inside a map, Go prints a byte slice under its type name and nil as a typed nil.
    const nested = (v: string) =>
      v === "<nil>" ? "interface {}(nil)" : v.replace(/^\[\]byte([{(])/, "[]uint8$1");
    const whole = `map[interface {}]interface {}{${got.map((e) => `${e.key}:${nested(e.value)}`).join(", ")}}`;
    assert.is(whole, want, c.name);
    compared++;
  }
  assert.ok(compared > 15, `compared ${compared} sessions`);
});

t.run();
