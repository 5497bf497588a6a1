/** `hertz-sessions redis`: a session stored by the Redis store, or a list of them (SCAN). */
import { parseArgs } from "node:util";
import { Decoder as MsgpackDecoder } from "@msgpack/msgpack";
import { Redis } from "ioredis";
import { decode as gobDecode } from "../gob/decode.ts";
import { choiceFlag, integerFlag } from "./flags.ts";
import { GoPrinter } from "./goString.ts";
import type { Io } from "./Io.ts";
import { needsRegister } from "./needsRegister.ts";
import { printEntries } from "./printEntries.ts";
import { type SessionEntry, sessionEntries } from "./sessionEntries.ts";
import { styleFor } from "./style.ts";
import { UsageError } from "./UsageError.ts";

export const redisHelp = `Usage: hertz-sessions redis --addr HOST:PORT [options] ID|KEY
       hertz-sessions redis --addr HOST:PORT --scan [options]

Shows a session stored by the Redis store (hertz-contrib/sessions redis, or
hertz-sessions/redis): its key, TTL, size and values with their Go types (%T, %#v).
ID is the session ID (the value a Redis-store cookie holds: decode shows it); KEY is the
whole Redis key (it starts with the prefix). --scan lists the sessions under the prefix
with their size and TTL, by SCAN (never KEYS).

Options:
  --addr HOST:PORT     the Redis server (required)
  --password PASSWORD  AUTH password
  --db N               database number (default 0)
  --prefix PREFIX      key prefix (default session_)
  --serializer NAME    gob (default), json or msgpack: the store's Serializer
  --max-bytes N        refuse to decode a value longer than this (default 1048576)
  --scan               list the sessions under the prefix
  --limit N            with --scan: list at most N keys (default 1000)
  --json               print JSON
  -h, --help           this help

Exit status: 0 ok, 1 no such key, a value that does not decode or Redis unreachable, 2 usage error.
`;

interface ValueReport {
  ok: boolean;
  key: string;
  /** Seconds; -1: no expiry. */
  ttl: number | null;
  bytes: number | null;
  serializer: string;
  error: string | null;
  entries: SessionEntry[] | null;
  register: string[];
  notes: string[];
}

export async function redisCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      addr: { type: "string" },
      password: { type: "string" },
      db: { type: "string" },
      prefix: { type: "string" },
      serializer: { type: "string" },
      "max-bytes": { type: "string" },
      scan: { type: "boolean" },
      limit: { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.out(redisHelp);
    return 0;
  }
  if (values.addr === undefined) throw new UsageError("--addr HOST:PORT is required");
  const m = /^(.*):(\d+)$/.exec(values.addr);
  if (m === null) throw new UsageError(`--addr ${values.addr}: expected HOST:PORT`);
  const prefix = values.prefix ?? "session_";
  const serializer = choiceFlag(
    values.serializer,
    "--serializer",
    ["gob", "json", "msgpack"] as const,
    "gob",
  );
  const maxBytes = integerFlag(values["max-bytes"], "--max-bytes", 1 << 20, 1);
  const limit = integerFlag(values.limit, "--limit", 1000, 1);
  if (values.scan ? positionals.length !== 0 : positionals.length !== 1) {
    throw new UsageError(
      values.scan ? "--scan takes no ID" : "redis takes one ID or KEY (or --scan)",
    );
  }
  const client = new Redis({
    host: m[1] || "127.0.0.1",
    port: Number(m[2]),
    password: values.password,
    db: integerFlag(values.db, "--db", 0),
    lazyConnect: true,
    connectTimeout: 2000,
    commandTimeout: 5000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on("error", () => {});
  try {
    try {
      await client.connect();
    } catch (e) {
      throw new Error(`cannot reach Redis at ${values.addr}: ${(e as Error).message}`);
    }
    if (values.scan) return await scan(client, prefix, limit, values.json === true, io);
    const arg = positionals[0];
    const key = arg.startsWith(prefix) ? arg : `${prefix}${arg}`;
    const r = await show(client, key, serializer, maxBytes);
    io.out(values.json ? `${JSON.stringify(r, null, 2)}\n` : printValue(r, io));
    return r.ok ? 0 : 1;
  } finally {
    client.disconnect();
  }
}

async function show(
  client: Redis,
  key: string,
  serializer: string,
  maxBytes: number,
): Promise<ValueReport> {
  const r: ValueReport = {
    ok: false,
    key,
    ttl: null,
    bytes: null,
    serializer,
    error: null,
    entries: null,
    register: [],
    notes: [],
  };
  const size = await client.strlen(key);
  if (size === 0 && (await client.exists(key)) === 0) {
    r.error = `no key ${key}: the session expired, was deleted (logout), or lives under another --prefix or --db`;
    return r;
  }
  r.bytes = size;
  r.ttl = await client.ttl(key);
  if (size > maxBytes) {
    r.error = `the value is ${size} bytes, over --max-bytes ${maxBytes}: not decoded`;
    return r;
  }
  const value = await client.getBuffer(key);
  if (value === null) {
    r.error = `no key ${key}`;
    return r;
  }
  try {
    if (serializer === "gob") {
      const decoded = gobDecode(value);
      if (!(decoded instanceof Map))
        throw new Error("the value is no session map (map[interface {}]interface {})");
      const printer = new GoPrinter("gob");
      r.entries = sessionEntries(decoded, printer);
      r.register = needsRegister(printer.interfaceNames);
      if (r.register.length > 0)
        r.notes.push(
          `a Go service reading this session must gob.Register ${r.register.join(", ")}`,
        );
    } else if (serializer === "json") {
      const decoded = JSON.parse(value.toString("utf8"));
      if (typeof decoded !== "object" || decoded === null || Array.isArray(decoded))
        throw new Error("the value is no JSON object");
      r.entries = sessionEntries(decoded, new GoPrinter("json"));
      r.notes.push(
        "JSON keeps no Go types: Go reads every number as float64 and every object as map[string]interface {}",
      );
    } else {
      const decoded = new MsgpackDecoder({ useBigInt64: true }).decode(value);
      if (typeof decoded !== "object" || decoded === null || Array.isArray(decoded))
        throw new Error("the value is no msgpack map");
      r.entries = sessionEntries(decoded as Record<string, unknown>, new GoPrinter("json"));
      r.notes.push(
        "msgpack keeps no Go types: Go reads each integer as the narrowest type of its wire form (1 is an int8), so the types shown are a guess",
      );
    }
    r.ok = true;
  } catch (e) {
    r.error = `the value is not ${serializer}: ${(e as Error).message}`;
    r.notes.push("another --serializer? the store's Serializer decides the format");
  }
  return r;
}

function printValue(r: ValueReport, io: Io): string {
  const s = styleFor(io);
  const ttl = r.ttl === null ? "" : r.ttl === -1 ? ", no expiry" : `, TTL ${r.ttl}s`;
  const out = [
    `${s.bold(r.key)}: ${r.ok ? s.ok("ok") : s.bad("NOT READABLE")}${r.bytes === null ? "" : ` (${r.bytes} bytes ${r.serializer}${ttl})`}`,
  ];
  if (r.error !== null) out.push(`  error       ${r.error}`);
  if (r.entries !== null) out.push(...printEntries(r.entries, s));
  for (const n of r.notes) out.push(`  note        ${n}`);
  return `${out.join("\n")}\n`;
}

async function scan(
  client: Redis,
  prefix: string,
  limit: number,
  json: boolean,
  io: Io,
): Promise<number> {
  const pattern = `${prefix.replace(/[*?[\]\\]/g, "\\$&")}*`;
  const rows: { key: string; bytes: number; ttl: number }[] = [];
  let cursor = "0";
  do {
    const [next, keys] = await client.scan(cursor, "MATCH", pattern, "COUNT", 100);
    cursor = next;
    for (const key of keys) {
      if (rows.length >= limit) break;
      const [[, bytes], [, ttl]] = (await client.multi().strlen(key).ttl(key).exec()) as [
        unknown,
        number,
      ][];
      rows.push({ key, bytes, ttl });
    }
  } while (cursor !== "0" && rows.length < limit);
  rows.sort((a, b) => (a.key < b.key ? -1 : 1));
  if (json) {
    io.out(`${JSON.stringify({ prefix, sessions: rows, truncated: cursor !== "0" }, null, 2)}\n`);
    return 0;
  }
  const s = styleFor(io);
  const out = [
    `${rows.length} session(s) under ${prefix}${cursor !== "0" ? ` (first ${limit}: --limit for more)` : ""}`,
  ];
  for (const r of rows)
    out.push(
      `  ${r.key}  ${s.dim(`${r.bytes} bytes, ${r.ttl === -1 ? "no expiry" : `TTL ${r.ttl}s`}`)}`,
    );
  io.out(`${out.join("\n")}\n`);
  return 0;
}
