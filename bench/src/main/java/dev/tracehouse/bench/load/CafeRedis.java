package dev.tracehouse.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * The Redis the cafe needs, from embedded-redis's bundled binary, on a free loopback port, without
 * persistence; shared by the overhead and start-up harnesses.
 */
final class CafeRedis implements AutoCloseable {
  private final RedisServer server;
  private final int port;

  private CafeRedis(RedisServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /** Starts Redis, unpacking the binary into {@code dir}. */
  static CafeRedis start(Path dir) throws IOException {
    int port = ChildJvm.freePort();
    RedisServer server =
        RedisServer.newRedisServer()
            .executableProvider(
                ExecutableProvider.newJarResourceProvider(Files.createDirectories(dir).toFile()))
            .port(port)
            .bind("127.0.0.1")
            .setting("save \"\"")
            .setting("appendonly no")
            .build();
    server.start();
    return new CafeRedis(server, port);
  }

  int port() {
    return port;
  }

  @Override
  public void close() throws IOException {
    server.stop();
  }
}
