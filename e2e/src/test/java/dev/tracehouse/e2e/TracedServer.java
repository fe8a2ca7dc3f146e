package dev.tracehouse.e2e;

import dev.tracehouse.e2e.clientapp.InteropApp;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@link InteropApp} in a forked JVM under our agent ({@code tracehouse-agent.jar}) or the
 * unmodified dd-java-agent, sending to a {@link ServerProcess}, until {@link #close()}. Its output
 * goes to {@code <service>.log} in the server's run directory (printed when a test fails).
 */
final class TracedServer implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern READY = Pattern.compile(Pattern.quote(InteropApp.READY) + "(\\d+)");

  /** The tracer the app runs under. */
  enum Tracer {
    TRACEHOUSE,
    DATADOG
  }

  final String service;
  private final ServerProcess server;
  private final Process process;
  private final Path log;
  private int port;

  private TracedServer(String service, ServerProcess server, Process process, Path log) {
    this.service = service;
    this.server = server;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts the app as {@code service} in env {@code e2e} with {@code DD_TRACE_PROPAGATION_STYLE} =
   * {@code style} and {@code DD_TRACE_AGENT_V0_5_ENABLED} = {@code v05}; returns at once (see
   * {@link #awaitReady()}).
   */
  static TracedServer start(
      ServerProcess server, Tracer tracer, String service, String style, boolean v05)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Processes.java());
    // C1 only: start-up of an agent-laden JVM costs about 40 % less CPU, on a busy build machine.
    command.add("-XX:TieredStopAtLevel=1");
    if (tracer == Tracer.DATADOG) {
      command.addAll(TracedApp.datadogOptions(server, service));
    } else {
      command.add("-javaagent:" + ourAgent());
    }
    command.addAll(List.of("-cp", classpath(), InteropApp.class.getName()));
    Path log = server.runDir.resolve(service + ".log");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(server.runDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("DD_") || k.startsWith("OTEL_"));
    pb.environment()
        .putAll(
            Map.of(
                "DD_SERVICE",
                service,
                "DD_ENV",
                "e2e",
                "DD_AGENT_HOST",
                "127.0.0.1",
                "DD_TRACE_AGENT_PORT",
                String.valueOf(server.intakePort),
                "DD_TRACE_PROPAGATION_STYLE",
                style,
                "DD_TRACE_AGENT_V0_5_ENABLED",
                String.valueOf(v05)));
    return new TracedServer(service, server, pb.start(), log);
  }

  /** Waits until the app listens (the tracer's start-up included). */
  TracedServer awaitReady() throws IOException {
    Processes.awaitLogLine(process, log, InteropApp.READY, START_TIMEOUT, server::logs);
    Matcher ready = READY.matcher(Files.readString(log));
    if (!ready.find()) {
      throw new IllegalStateException("no port after '" + InteropApp.READY + "' in " + log);
    }
    port = Integer.parseInt(ready.group(1));
    return this;
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** The app's output so far (the tracer logs to it too). */
  String output() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() {
    Processes.stop(process, Duration.ofSeconds(10));
  }

  /** {@code tracer/tracer-agent/target/tracehouse-agent.jar}, built before the e2e module. */
  private static Path ourAgent() {
    Path jar = Processes.home().resolve("tracer/tracer-agent/target/tracehouse-agent.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("missing " + jar + ": run through `mvn -pl e2e -am verify`");
    }
    return jar;
  }

  /** The app, Jetty with its ee10 servlet layer, the servlet API and SLF4J's API. */
  private static String classpath() {
    return Stream.of(
            InteropApp.class,
            jakarta.servlet.http.HttpServlet.class,
            org.eclipse.jetty.ee10.servlet.ServletContextHandler.class,
            org.eclipse.jetty.server.Server.class,
            org.eclipse.jetty.http.HttpField.class,
            org.eclipse.jetty.io.Content.class,
            org.eclipse.jetty.util.Callback.class,
            org.eclipse.jetty.security.SecurityHandler.class,
            org.eclipse.jetty.session.SessionHandler.class,
            org.slf4j.Logger.class)
        .map(TracedApp::codeSource)
        .distinct()
        .collect(Collectors.joining(File.pathSeparator));
  }
}
