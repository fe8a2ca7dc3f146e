package dev.tracehouse.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole demo, started the way a user starts it: the launcher jar, as a process, with every port
 * chosen free so that a running demo on the default ports does not interfere. Traffic is off so
 * that tests see only their own requests.
 */
final class DemoStack implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

  final Path home;
  final Path dataDir;
  final int intakePort;
  final int webPort;
  final int cafePort;
  final int tasterPort;
  final int redisPort;
  final int otlpPort;
  final int zipkinPort;
  private final Process launcher;
  private final Path launcherLog;

  private DemoStack(Path home, Path dataDir, int[] ports, Process launcher, Path launcherLog) {
    this.home = home;
    this.dataDir = dataDir;
    this.intakePort = ports[0];
    this.webPort = ports[1];
    this.cafePort = ports[2];
    this.tasterPort = ports[3];
    this.redisPort = ports[4];
    this.otlpPort = ports[5];
    this.zipkinPort = ports[6];
    this.launcher = launcher;
    this.launcherLog = launcherLog;
  }

  static DemoStack start() throws IOException {
    Path home = Path.of(System.getProperty("tracehouse.home", "..")).toAbsolutePath().normalize();
    Path work = Files.createDirectories(home.resolve("e2e/target/e2e-runs"));
    Path dataDir = Files.createTempDirectory(work, "demo");
    int[] ports = freePorts(7);
    Path log = dataDir.resolve("launcher.log");
    Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
    ProcessBuilder pb =
        new ProcessBuilder(
                java.toString(),
                "-Dtracehouse.home=" + home,
                "-jar",
                home.resolve("demo/launcher/target/launcher.jar").toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment()
        .putAll(
            Map.of(
                "DEMO_DATA_DIR", dataDir.toString(),
                "DEMO_INTAKE_PORT", String.valueOf(ports[0]),
                "DEMO_WEB_PORT", String.valueOf(ports[1]),
                "DEMO_CAFE_PORT", String.valueOf(ports[2]),
                "DEMO_TASTER_PORT", String.valueOf(ports[3]),
                "DEMO_REDIS_PORT", String.valueOf(ports[4]),
                "DEMO_OTLP_PORT", String.valueOf(ports[5]),
                "DEMO_ZIPKIN_PORT", String.valueOf(ports[6]),
                "DEMO_TRAFFIC", "false"));
    DemoStack stack = new DemoStack(home, dataDir, ports, pb.start(), log);
    stack.awaitReady();
    return stack;
  }

  String cafe(String path) {
    return "http://127.0.0.1:" + cafePort + path;
  }

  String web(String path) {
    return "http://127.0.0.1:" + webPort + path;
  }

  String intake(String path) {
    return "http://127.0.0.1:" + intakePort + path;
  }

  /** The processes the launcher started (server, taster, cafe, embedded Redis …). */
  List<ProcessHandle> children() {
    return launcher.descendants().toList();
  }

  private void awaitReady() throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!launcher.isAlive()) {
        throw new IllegalStateException("the demo launcher exited:\n" + logs());
      }
      if (Files.readString(launcherLog).contains("tracehouse demo is running")) {
        return;
      }
      sleep(250);
    }
    close();
    throw new IllegalStateException(
        "the demo did not start within " + START_TIMEOUT + ":\n" + logs());
  }

  /** The launcher's output and every child's log, for failure messages. */
  String logs() {
    StringBuilder out = new StringBuilder();
    try (Stream<Path> files = Files.walk(dataDir)) {
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

  /** Stops the demo as Ctrl-C would (SIGTERM to the launcher) and waits for it. */
  @Override
  public void close() {
    launcher.destroy();
    try {
      if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
        launcher.descendants().forEach(ProcessHandle::destroyForcibly);
        launcher.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Deletes the run's data directory (after a successful run only, so failures can be read). */
  void deleteData() throws IOException {
    try (Stream<Path> paths = Files.walk(dataDir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
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

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
