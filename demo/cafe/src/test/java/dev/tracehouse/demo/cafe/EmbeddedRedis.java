package dev.tracehouse.demo.cafe;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import redis.clients.jedis.RedisClient;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * A real redis-server (from embedded-redis) on a free port. Its binary and working directory live
 * in the given directory (a JUnit temp dir), so nothing is left behind and nothing is persisted.
 */
final class EmbeddedRedis implements AutoCloseable {

  private final RedisServer server;
  private final int port;

  private EmbeddedRedis(RedisServer server, int port) {
    this.server = server;
    this.port = port;
  }

  static EmbeddedRedis start(Path directory) {
    try {
      File executable = ExecutableProvider.newJarResourceProvider(directory.toFile()).get();
      int port = freePort();
      List<String> args =
          List.of(
              executable.getAbsolutePath(),
              "--port",
              Integer.toString(port),
              "--bind",
              "127.0.0.1",
              "--save",
              "",
              "--appendonly",
              "no",
              "--dir",
              directory.toAbsolutePath().toString());
      RedisServer server = new RedisServer(port, args, true);
      server.start();
      return new EmbeddedRedis(server, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  int port() {
    return port;
  }

  /** A short-lived client for arranging and inspecting test data. */
  RedisClient client() {
    return RedisClient.create("127.0.0.1", port);
  }

  void flushAll() {
    try (RedisClient client = client()) {
      client.flushAll();
    }
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
