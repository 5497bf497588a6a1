#!/usr/bin/env node
/** The `hertz-sessions` executable. */
import { processIo } from "./processIo.ts";
import { run } from "./run.ts";

process.exitCode = await run(process.argv.slice(2), processIo);
