/**
 * The golden vectors of compat/cmd/vectors/gob.go (test/vectors/gob.json), regenerated with
 * `(cd compat && go run ./cmd/vectors -out ../test/vectors)`.
 */
import { readFileSync } from "node:fs";
import type { FromTypedOptions, Typed } from "./tjson.ts";

export interface GobCase {
  name: string;
  into: string;
  gob: string;
  typed: Typed;
}

export interface GobStream {
  name: string;
  gob: string;
  into: string[];
  typed: Typed[];
}

interface GobVectors {
  cases: GobCase[];
  streams: GobStream[];
  instants: Record<string, string>;
  kinds: Record<string, string>;
}

export const vectors: GobVectors = JSON.parse(
  readFileSync(new URL("../vectors/gob.json", import.meta.url), "utf8"),
);

export const typedOptions: FromTypedOptions = { instants: vectors.instants, kinds: vectors.kinds };

export function bytesOf(b64: string): Uint8Array {
  return new Uint8Array(Buffer.from(b64, "base64"));
}

export function base64(b: Uint8Array): string {
  return Buffer.from(b).toString("base64");
}
