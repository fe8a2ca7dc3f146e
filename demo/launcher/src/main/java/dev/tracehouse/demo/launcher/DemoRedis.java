package dev.tracehouse.demo.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * The Redis the cafe uses: the one on the preferred port (6379) when it answers PING, otherwise a
 * real Redis binary (shipped in the embedded-redis artifact) started as a child process on that
 * port or, if the port is taken by something else, on a free port. Its binary is unpacked into a
 * temporary directory that {@link #close()} deletes.
 */
final class DemoRedis implements AutoCloseable {
  private final int port;
  private final RedisServer embedded;
  private final Path tempDir;

  private DemoRedis(int port, RedisServer embedded, Path tempDir) {
    this.port = port;
    this.embedded = embedded;
    this.tempDir = tempDir;
  }

  static DemoRedis startOrReuse(int preferredPort) throws IOException {
    if (answersPing(preferredPort)) {
      return new DemoRedis(preferredPort, null, null);
    }
    int port = isFree(preferredPort) ? preferredPort : freePort();
    Path tempDir = Files.createTempDirectory("tracehouse-redis");
    RedisServer server =
        RedisServer.newRedisServer()
            .executableProvider(ExecutableProvider.newJarResourceProvider(tempDir.toFile()))
            .port(port)
            .bind("127.0.0.1")
            .setting("save \"\"")
            .setting("appendonly no")
            .build();
    try {
      server.start();
    } catch (IOException | RuntimeException e) {
      deleteTree(tempDir);
      throw e;
    }
    return new DemoRedis(port, server, tempDir);
  }

  int port() {
    return port;
  }

  String description() {
    return embedded == null
        ? "system Redis on 127.0.0.1:" + port
        : "embedded Redis on 127.0.0.1:" + port + " (started by the demo)";
  }

  @Override
  public void close() {
    if (embedded == null) {
      return;
    }
    try {
      embedded.stop();
    } catch (IOException e) {
      System.err.println("demo: could not stop embedded Redis: " + e.getMessage());
    } finally {
      deleteTree(tempDir);
    }
  }

  static boolean answersPing(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 300);
      s.setSoTimeout(500);
      s.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = s.getInputStream();
      byte[] reply = in.readNBytes(5);
      return new String(reply, StandardCharsets.US_ASCII).equals("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  static boolean isFree(int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress("127.0.0.1", port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("demo: could not delete " + dir + ": " + e.getMessage());
    }
  }
}
