/**
 * The types of one encoder stream: the id each type (by wire key) has on it, and whether its
 * definition has been sent. A stream uses a handful of types, so a short list searched in
 * order beats hashing; past a few dozen, an index takes over.
 *
 * Port of the `sent` map of Go 1.26 encoding/gob encoder.go, with Go's process-wide type ids
 * (type.go `setTypeId`) replaced by ids per stream, from the first user id up.
 */
import type { GoType } from "./GoType.ts";

const indexFrom = 32;

export class StreamTypes {
  private keys: string[] = [];
  private ids: number[] = [];
  private sent: boolean[] = [];
  private index: Map<string, number> | null = null;

  private find(key: string): number {
    if (this.index !== null) return this.index.get(key) ?? -1;
    return this.keys.indexOf(key);
  }

  /** The id of the type with this wire key, or 0. */
  id(key: string): number {
    const i = this.find(key);
    return i < 0 ? 0 : this.ids[i];
  }

  /** The id of `t`: predefined, or given on this stream. */
  idOf(t: GoType): number {
    return t.isBasic ? t.builtinId : this.id(t.wireKey);
  }

  assign(key: string, id: number): void {
    this.keys.push(key);
    this.ids.push(id);
    this.sent.push(false);
    if (this.index !== null) this.index.set(key, this.keys.length - 1);
    else if (this.keys.length > indexFrom) this.index = new Map(this.keys.map((k, i) => [k, i]));
  }

  isSent(key: string): boolean {
    const i = this.find(key);
    return i >= 0 && this.sent[i];
  }

  markSent(key: string): void {
    this.sent[this.find(key)] = true;
  }

  /** How many types the stream has: a mark to roll back to. */
  get size(): number {
    return this.keys.length;
  }

  /** Forgets the types added since the stream had `size` of them. */
  truncate(size: number): void {
    if (this.index !== null)
      for (let i = size; i < this.keys.length; i++) this.index.delete(this.keys[i]);
    // pop() stays in optimized code; setting `length` is a runtime call (most streams hold a few types).
    while (this.keys.length > size) {
      this.keys.pop();
      this.ids.pop();
      this.sent.pop();
    }
  }
}
