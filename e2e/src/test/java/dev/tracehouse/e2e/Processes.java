package dev.tracehouse.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** What the black-box tests share for child processes: paths, free ports, waiting, stopping. */
final class Processes {
  private Processes() {}

  /** The repository root, whose modules' jars the tests run. */
  static Path home() {
    return Path.of(System.getProperty("tracehouse.home", "..")).toAbsolutePath().normalize();
  }

  /** A new directory under {@code e2e/target/e2e-runs} for one run's data and logs. */
  static Path newRunDir(String prefix) throws IOException {
    Path runs = Files.createDirectories(home().resolve("e2e/target/e2e-runs"));
    return Files.createTempDirectory(runs, prefix);
  }

  /** The {@code java} binary of the JVM running the tests, so children use the same JDK. */
  static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  static int[] freePorts(int n) throws IOException {
    ServerSocket[] sockets = new ServerSocket[n];
    int[] ports = new int[n];
    try {
      for (int i = 0; i < n; i++) {
        sockets[i] = new ServerSocket(0);
        ports[i] = sockets[i].getLocalPort();
      }
    } finally {
      for (ServerSocket s : sockets) {
        if (s != null) {
          s.close();
        }
      }
    }
    return ports;
  }

  /**
   * Waits until {@code log} contains {@code marker}; fails with {@code logs} if the process exits
   * first or the marker does not appear within {@code timeout} (the process is then stopped).
   */
  static void awaitLogLine(
      Process process, Path log, String marker, Duration timeout, Supplier<String> logs)
      throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains(marker)) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the process exited before it was ready:\n" + logs.get());
      }
      sleep(250);
    }
    stop(process, Duration.ofSeconds(10));
    throw new IllegalStateException("no '" + marker + "' within " + timeout + ":\n" + logs.get());
  }

  /** SIGTERM, then (after {@code grace}) SIGKILL for the process and anything it started. */
  static void stop(Process process, Duration grace) {
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The last 4000 characters of every {@code .log} file under {@code dir}, for failure messages.
   */
  static String logsUnder(Path dir) {
    StringBuilder out = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
        String text = Files.readString(f);
        out.append("==== ")
            .append(f.getFileName())
            .append('\n')
            .append(text, Math.max(0, text.length() - 4000), text.length())
            .append('\n');
      }
    } catch (IOException e) {
      out.append("(could not read logs: ").append(e).append(")");
    }
    return out.toString();
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
