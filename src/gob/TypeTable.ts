/**
 * The types a decoder stream has received: each definition by id, and the Go type built from
 * it once a value used it. A stream defines a handful of types, so short lists searched in
 * order beat hashing (and empty cheaply between one-shot decodes); past a few dozen, an
 * index takes over.
 *
 * Port of the `wireType` map of Go 1.26 encoding/gob decoder.go.
 */
import type { GoType } from "./GoType.ts";
import type { WireType } from "./wireType.ts";

const indexFrom = 32;

export class TypeTable {
  private ids: number[] = [];
  private wires: WireType[] = [];
  private types: (GoType | undefined)[] = [];
  private index: Map<number, number> | null = null;

  /** The number of definitions received: a mark to roll back to. */
  get size(): number {
    return this.ids.length;
  }

  private find(id: number): number {
    if (this.index !== null) return this.index.get(id) ?? -1;
    return this.ids.indexOf(id);
  }

  wire(id: number): WireType | undefined {
    const i = this.find(id);
    return i < 0 ? undefined : this.wires[i];
  }

  /** The Go type built for id, if built. */
  type(id: number): GoType | undefined {
    const i = this.find(id);
    return i < 0 ? undefined : this.types[i];
  }

  define(id: number, wire: WireType): void {
    this.ids.push(id);
    this.wires.push(wire);
    this.types.push(undefined);
    if (this.index !== null) this.index.set(id, this.ids.length - 1);
    else if (this.ids.length > indexFrom) this.index = new Map(this.ids.map((x, i) => [x, i]));
  }

  setType(id: number, t: GoType): void {
    this.types[this.find(id)] = t;
  }

  /** Forgets the definitions after the first `size`, and every type built (they may use them). */
  truncate(size: number): void {
    if (this.index !== null) {
      for (let i = size; i < this.ids.length; i++) this.index.delete(this.ids[i]);
    }
    this.ids.length = size;
    this.wires.length = size;
    this.types.length = size;
    this.types.fill(undefined);
  }

  clear(): void {
    // pop() stays in optimized code; setting `length` is a runtime call (most streams hold a few types).
    while (this.ids.length > 0) {
      this.ids.pop();
      this.wires.pop();
      this.types.pop();
    }
    this.index = null;
  }
}
