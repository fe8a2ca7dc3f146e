package dev.tracehouse.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * {@code server/target/server.jar} started as a process on free ports, with its DuckDB file and log
 * in a new run directory under {@code e2e/target/e2e-runs}.
 */
final class ServerProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  final Path runDir;
  final int intakePort;
  final int otlpPort;
  final int zipkinPort;
  final int webPort;
  private final Process process;

  private ServerProcess(Path runDir, int[] ports, Process process) {
    this.runDir = runDir;
    this.intakePort = ports[0];
    this.otlpPort = ports[1];
    this.zipkinPort = ports[2];
    this.webPort = ports[3];
    this.process = process;
  }

  /**
   * Starts a server and waits until it is ready.
   *
   * @param env extra environment, e.g. {@code DD_APM_MAX_TPS} for the priority sampler
   */
  static ServerProcess start(Map<String, String> env) throws IOException {
    return start(Processes.newRunDir("server"), env);
  }

  /**
   * Starts a server in an existing run directory, on its data (e.g. again after {@link #kill()});
   * each start logs to its own file ({@code server.log}, {@code server-2.log}, …).
   */
  static ServerProcess start(Path runDir, Map<String, String> env) throws IOException {
    int[] ports = Processes.freePorts(4);
    Path log = runDir.resolve("server.log");
    for (int n = 2; Files.exists(log); n++) {
      log = runDir.resolve("server-" + n + ".log");
    }
    ProcessBuilder pb =
        new ProcessBuilder(
                Processes.java(),
                "-jar",
                Processes.home().resolve("server/target/server.jar").toString())
            .directory(runDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> childEnv = pb.environment();
    childEnv.keySet().removeIf(k -> k.startsWith("DD_") || k.equals("TRACEHOUSE_CONFIG"));
    childEnv.putAll(
        Map.of(
            "INTAKE_DATADOG_PORT", String.valueOf(ports[0]),
            "INTAKE_OTLP_PORT", String.valueOf(ports[1]),
            "INTAKE_ZIPKIN_PORT", String.valueOf(ports[2]),
            "WEB_PORT", String.valueOf(ports[3]),
            "DATA_DIR", runDir.resolve("data").toString()));
    childEnv.putAll(env);
    ServerProcess server = new ServerProcess(runDir, ports, pb.start());
    Processes.awaitLogLine(
        server.process, log, "tracehouse server ready", START_TIMEOUT, server::logs);
    return server;
  }

  String web(String path) {
    return "http://127.0.0.1:" + webPort + path;
  }

  String intake(String path) {
    return "http://127.0.0.1:" + intakePort + path;
  }

  String zipkin(String path) {
    return "http://127.0.0.1:" + zipkinPort + path;
  }

  /** The server's and every app's log in the run directory, for failure messages. */
  String logs() {
    return Processes.logsUnder(runDir);
  }

  /** SIGKILL, like {@code kill -9}: the server gets no chance to flush or close its store. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() {
    Processes.stop(process, Duration.ofSeconds(30));
  }
}
