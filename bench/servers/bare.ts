/**
 * Baseline: a bare `node:http` handler answering the counter route with a constant count and no
 * session at all. Every other contender's throughput is reported as a ratio of this one.
 */
import { createServer } from "node:http";
import { listen } from "./shared/listen.ts";
import { sendCount } from "./shared/sendCount.ts";

listen(createServer((_req, res) => sendCount(res, 1)));
