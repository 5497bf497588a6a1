import { suite } from "uvu";
import * as assert from "uvu/assert";
import { respCommand, startRedis } from "./redisServer.ts";

const Redis = suite("redisServer: startRedis");

Redis("a private server: no persistence, password, Unix socket, kill and restart", async () => {
  const redis = await startRedis({ password: "pw", unixSocket: true });
  if (!redis) return;
  try {
    assert.is(redis.url, `redis://:pw@127.0.0.1:${redis.port}`);
    assert.is(await redis.command("PING"), "PONG");
    assert.equal(await redis.command("CONFIG", "GET", "save"), ["save", ""]);
    assert.equal(await redis.command("CONFIG", "GET", "appendonly"), ["appendonly", "no"]);
    await respCommand({ host: redis.host, port: redis.port }, [["PING"]]).then(
      () => assert.unreachable("a command without AUTH must fail"),
      (e: Error) => assert.match(e.message, /NOAUTH/),
    );
    assert.is(
      await respCommand({ path: redis.socketPath! }, [
        ["AUTH", "pw"],
        ["SET", "k", "v"],
      ]),
      "OK",
    );
    assert.is(await redis.command("GET", "k"), "v");
    assert.is(await redis.command("SETEX", "t", 100, Buffer.from([0, 255])), "OK");
    assert.is(await redis.command("GET", "t"), "\u0000\u00ff"); // bulk strings read as latin1

    await redis.kill();
    await redis.command("PING").then(
      () => assert.unreachable("killed"),
      (e: Error) => assert.match(e.message, /ECONNREFUSED/),
    );
    await redis.restart();
    assert.is(await redis.command("GET", "k"), null, "restarted empty");
  } finally {
    await redis.stop();
  }
});

Redis.run();
