/** The conformance suite on the memory store: the middleware alone, without any codec. */
import { runConformance } from "../support/conformance.ts";
import { MemoryStore } from "../support/memoryStore.ts";

runConformance("memory (middleware only)", () => new MemoryStore());
