/** `hertz-sessions decode`: a securecookie value, explained. */
import { parseArgs } from "node:util";
import type { HashName } from "../securecookie/fast/Hmac.ts";
import { explainCookie } from "./explainCookie.ts";
import { choiceFlag, integerFlag, keyPairs } from "./flags.ts";
import type { Io } from "./Io.ts";
import { looksEncoded } from "./parseKey.ts";
import { printCookieReport } from "./printCookieReport.ts";
import { readCookie } from "./readCookie.ts";
import { styleFor } from "./style.ts";
import { UsageError } from "./UsageError.ts";

export const decodeHelp = `Usage: hertz-sessions decode --hash-key KEY [--block-key KEY] [options] COOKIE

Decodes a gorilla/securecookie value (a Hertz cookie-store session, or a Redis-store
session ID) and prints its values with their Go types, as fmt's %T and %#v print them;
when it does not decode, says at which step and why.

COOKIE is the cookie's value, a whole "Cookie: a=1; mysession=..." header (the cookie is
picked by --name), a "Set-Cookie: ..." header, or - to read either from standard input
(at most 65536 bytes).

Keys: hex:00ff..., base64:..., text:..., or plain text (its UTF-8 bytes, as Go's
[]byte("secret")). Repeat --hash-key and --block-key for each key pair, newest first, as
given to NewStore; --block-key none for a pair without one.

Options:
  --hash-key KEY      hash (HMAC) key of a key pair (required; repeatable)
  --block-key KEY     block (AES) key of the pair of the same rank (repeatable; none)
  --name NAME         cookie name, part of the MAC (default mysession, or the header's cookie)
  --try-name NAME     another name to try when the MAC fails (repeatable; common names are tried too)
  --max-age SECONDS   the codec's MaxAge (default 2592000, 30 days; 0: none)
  --min-age SECONDS   the codec's MinAge (default 0)
  --max-length BYTES  the codec's MaxLength (default 4096; 0: none)
  --hash NAME         HashFunc: sha256 (default), sha1, sha512, sha384, sha224, md5, sha3-256, ...
  --serializer NAME   gob (default, as Hertz's stores) or json (securecookie.JSONEncoder)
  --now SECONDS       check as at this Unix time (default: now)
  --json              print a JSON report
  -h, --help          this help

Exit status: 0 the cookie decodes, 1 it does not, 2 usage error.
`;

const hashNames: HashName[] = [
  "sha256",
  "sha1",
  "sha224",
  "sha384",
  "sha512",
  "sha512-224",
  "sha512-256",
  "md5",
  "sha3-224",
  "sha3-256",
  "sha3-384",
  "sha3-512",
];

export async function decodeCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      "hash-key": { type: "string", multiple: true },
      "block-key": { type: "string", multiple: true },
      name: { type: "string" },
      "try-name": { type: "string", multiple: true },
      "max-age": { type: "string" },
      "min-age": { type: "string" },
      "max-length": { type: "string" },
      hash: { type: "string" },
      serializer: { type: "string" },
      now: { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.out(decodeHelp);
    return 0;
  }
  if (positionals.length !== 1) {
    throw new UsageError(
      `decode takes one COOKIE (got ${positionals.length}); see hertz-sessions decode --help`,
    );
  }
  const pairs = keyPairs(values["hash-key"], values["block-key"]);
  const input = await readCookie(positionals[0], io, values.name);
  const report = explainCookie({
    name: input.name,
    cookie: input.value,
    pairs,
    maxAge: integerFlag(values["max-age"], "--max-age", 86400 * 30),
    minAge: integerFlag(values["min-age"], "--min-age", 0),
    maxLength: integerFlag(values["max-length"], "--max-length", 4096),
    now: integerFlag(values.now, "--now", io.now(), Number.MIN_SAFE_INTEGER),
    hashFunc: choiceFlag(values.hash, "--hash", hashNames, "sha256"),
    serializer: choiceFlag(values.serializer, "--serializer", ["gob", "json"] as const, "gob"),
    tryNames: values["try-name"] ?? [],
  });
  const notes = [...report.notes];
  if (report.failure?.step === "mac") {
    for (const k of [...(values["hash-key"] ?? []), ...(values["block-key"] ?? [])]) {
      const enc = looksEncoded(k);
      if (enc !== null)
        notes.push(
          `the key ${k.slice(0, 12)}... is read as text; it looks like ${enc}: did you mean ${enc}:${k.slice(0, 12)}...?`,
        );
    }
  }
  const full = { ...report, notes };
  io.out(
    values.json ? `${JSON.stringify(full, null, 2)}\n` : printCookieReport(full, styleFor(io)),
  );
  return report.ok ? 0 : 1;
}
