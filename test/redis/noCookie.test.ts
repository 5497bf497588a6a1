/** RediStore's no-cookie fast path (`NewSession`): no Redis call and no await (see noCookie.ts). */
import type { Redis } from "ioredis";
import { RediStore } from "../../src/redis/index.ts";
import { noCookieSuite } from "../support/noCookieSuite.ts";

noCookieSuite(
  "redis/RediStore: no cookie",
  (client, key) => new RediStore(client as Redis, key),
).run();
