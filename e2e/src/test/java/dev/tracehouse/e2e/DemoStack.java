package dev.tracehouse.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The whole demo, started the way a user starts it: the launcher jar, as a process, with every port
 * chosen free so that a running demo on the default ports does not interfere. Traffic is off so
 * that tests see only their own requests, and the trace agent's priority sampler aims at far more
 * kept traces per second than the tests make: with the default target (10), the Redis commands the
 * cafe sends at start-up (each one a root trace) set the rate for services the agent has not seen
 * yet below 1 for the first seconds, and the single trace a test waits for could be dropped.
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

  private DemoStack(Path home, Path dataDir, int[] ports, Process launcher) {
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
  }

  static DemoStack start() throws IOException {
    Path home = Processes.home();
    Path dataDir = Processes.newRunDir("demo");
    int[] ports = Processes.freePorts(7);
    Path log = dataDir.resolve("launcher.log");
    ProcessBuilder pb =
        new ProcessBuilder(
                Processes.java(),
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
                "DEMO_TRAFFIC", "false",
                "DD_APM_MAX_TPS", "100000"));
    DemoStack stack = new DemoStack(home, dataDir, ports, pb.start());
    Processes.awaitLogLine(
        stack.launcher, log, "tracehouse demo is running", START_TIMEOUT, stack::logs);
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

  /** The launcher's output and every child's log, for failure messages. */
  String logs() {
    return Processes.logsUnder(dataDir);
  }

  /** Stops the demo as Ctrl-C would (SIGTERM to the launcher) and waits for it. */
  @Override
  public void close() {
    Processes.stop(launcher, Duration.ofSeconds(60));
  }

  /** Deletes the run's data directory (after a successful run only, so failures can be read). */
  void deleteData() throws IOException {
    Processes.deleteTree(dataDir);
  }
}
