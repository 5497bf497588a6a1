/**
 * A gob stream decoder fed bytes as they arrive: `write(chunk)` returns the values the bytes
 * so far complete; type definitions persist across the values of the stream.
 *
 * Port of Go 1.26 encoding/gob decoder.go (`Decoder`), for a push-style stream: a value
 * cut short waits for more bytes, and `end()` reports a stream that stops mid-value.
 */
import type { DecoderOptions } from "./DecoderOptions.ts";
import { resolveOptions } from "./DecoderOptions.ts";
import { GobError } from "./GobError.ts";
import { needMore, ValueDecoder } from "./ValueDecoder.ts";

export class Decoder {
  private readonly engine: ValueDecoder;
  private pending = new Uint8Array(0);
  private failed: unknown = null;

  constructor(options?: DecoderOptions) {
    this.engine = new ValueDecoder(resolveOptions(options), false);
  }

  /** Adds bytes of the stream; returns the values they complete, in order. */
  write(chunk: Uint8Array): unknown[] {
    if (this.failed !== null) throw this.failed;
    const joined = new Uint8Array(this.pending.length + chunk.length);
    joined.set(this.pending);
    joined.set(chunk, this.pending.length);
    const e = this.engine;
    e.data = joined;
    e.pos = 0;
    e.end = 0;
    const values: unknown[] = [];
    let consumed = 0;
    while (consumed < joined.length) {
      const mark = e.mark();
      try {
        values.push(e.decodeNext());
        consumed = e.pos;
      } catch (err) {
        if (err === needMore) {
          e.rollback(mark);
          break;
        }
        this.failed = err;
        throw err;
      }
    }
    this.pending = joined.slice(consumed);
    return values;
  }

  /** Ends the stream: bytes of an unfinished value are an error ("unexpected EOF"). */
  end(): void {
    if (this.failed !== null) throw this.failed;
    if (this.pending.length > 0) {
      this.failed = new GobError("decode", "unexpected EOF");
      throw this.failed;
    }
  }
}
