/**
 * hertz-sessions with the cookie store, as a Hertz service would configure it:
 * `New("mysession", cookie.NewStore(hashKey32, blockKey32))` (HMAC-SHA256 + AES-256-CTR, gob).
 * Every request with the cookie decodes it and every Save() re-encodes it.
 */
import { NewStore } from "../../src/cookie/index.ts";
import { listenCounter } from "./shared/hertzCounter.ts";
import { blockKey32, hashKey32 } from "./shared/keys.ts";

listenCounter(NewStore(hashKey32, blockKey32));
