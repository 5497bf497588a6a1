/**
 * Client of `compat/cmd/gocodec`: one long-lived Go process answering JSON-line requests
 * ({"op": ..., ...}) with {"ok": result} or {"err": message}.
 */
import { type ChildProcessByStdio, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { suite, type Test } from "uvu";
import { goBinary } from "./gobin.ts";

export class GoCodec {
  private waiting: Array<{ resolve: (v: unknown) => void; reject: (e: Error) => void }> = [];

  private readonly proc: ChildProcessByStdio<Writable, Readable, null>;

  private constructor(proc: ChildProcessByStdio<Writable, Readable, null>) {
    this.proc = proc;
    createInterface({ input: proc.stdout }).on("line", (line) => {
      const w = this.waiting.shift();
      if (!w) return;
      const msg = JSON.parse(line) as { ok?: unknown; err?: string };
      if (msg.err !== undefined) w.reject(new Error(`go: ${msg.err}`));
      else w.resolve(msg.ok);
    });
    proc.on("exit", () => {
      for (const w of this.waiting.splice(0)) w.reject(new Error("gocodec exited"));
    });
  }

  /** Starts gocodec, or returns null (the caller skips) when Go is not installed. */
  static start(): GoCodec | null {
    const bin = goBinary("gocodec");
    if (!bin) return null;
    return new GoCodec(spawn(bin, [], { stdio: ["pipe", "pipe", "inherit"] }));
  }

  call<T = unknown>(op: string, fields: Record<string, unknown> = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ resolve: resolve as (v: unknown) => void, reject });
      this.proc.stdin.write(`${JSON.stringify({ op, ...fields })}\n`);
    });
  }

  close(): void {
    this.proc.stdin.end();
  }
}

/**
 * A suite whose context holds gocodec as `go`: started before its tests, closed after; null
 * (each test returns early) when Go is not installed.
 */
export function goCodecSuite(title: string): Test<{ go: GoCodec | null }> {
  const t = suite<{ go: GoCodec | null }>(title, { go: null });
  t.before((ctx) => {
    ctx.go = GoCodec.start();
  });
  t.after((ctx) => {
    ctx.go?.close();
  });
  return t;
}
