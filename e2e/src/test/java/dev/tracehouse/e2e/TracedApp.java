package dev.tracehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.e2e.clientapp.OrderApp;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs {@link OrderApp} in a forked JVM under a real, unmodified third-party tracer (the agent jars
 * that the build copies to {@code e2e/target/agents}), sending to a {@link ServerProcess}. The
 * app's output goes to a log in the server's run directory, so failures print it.
 */
final class TracedApp {
  /** Logs which trace endpoint dd-java-agent chose after asking the server's {@code /info}. */
  static final String DD_DISCOVERY_LOGGER =
      "datadog.communication.ddagent.DDAgentFeaturesDiscovery";

  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  private TracedApp() {}

  /**
   * Runs the app with dd-java-agent as service {@code orders} in env {@code e2e}.
   *
   * @param extraProperties more {@code -D} options, e.g. {@code -Ddd.trace.agent.v0.5.enabled=true}
   * @return the app's output (the tracer logs to it too)
   */
  static String runWithDatadog(
      ServerProcess server, String logName, List<String> extraProperties, String... appArgs)
      throws IOException {
    List<String> jvm = new ArrayList<>(datadogOptions(server, "orders"));
    jvm.addAll(extraProperties);
    return run(server, logName, jvm, Map.of(), appArgs);
  }

  /**
   * The JVM options that run dd-java-agent as {@code service} in env {@code e2e}, sending to the
   * server, without JMX, telemetry and remote config, and logging the trace endpoint it chose.
   */
  static List<String> datadogOptions(ServerProcess server, String service) {
    return List.of(
        "-javaagent:" + agent("dd-java-agent.jar"),
        "-Ddd.service=" + service,
        "-Ddd.env=e2e",
        "-Ddd.agent.host=127.0.0.1",
        "-Ddd.trace.agent.port=" + server.intakePort,
        "-Ddd.jmxfetch.enabled=false",
        "-Ddd.instrumentation.telemetry.enabled=false",
        "-Ddd.remote_config.enabled=false",
        "-Ddatadog.slf4j.simpleLogger.log." + DD_DISCOVERY_LOGGER + "=debug");
  }

  /**
   * Runs the app with the OpenTelemetry Java agent exporting OTLP/HTTP protobuf to the server, as
   * service {@code orders} (a resource attribute) in {@code deployment.environment.name=e2e}.
   */
  static String runWithOpenTelemetry(ServerProcess server, String logName, String... appArgs)
      throws IOException {
    Map<String, String> env =
        Map.of(
            "OTEL_SERVICE_NAME", "orders",
            "OTEL_RESOURCE_ATTRIBUTES", "deployment.environment.name=e2e",
            "OTEL_TRACES_EXPORTER", "otlp",
            "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
            "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + server.otlpPort,
            "OTEL_METRICS_EXPORTER", "none",
            "OTEL_LOGS_EXPORTER", "none");
    List<String> jvm = List.of("-javaagent:" + agent("opentelemetry-javaagent.jar"));
    return run(server, logName, jvm, env, appArgs);
  }

  private static String run(
      ServerProcess server,
      String logName,
      List<String> jvmOptions,
      Map<String, String> env,
      String... appArgs)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Processes.java());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", appClasspath(), OrderApp.class.getName()));
    command.addAll(List.of(appArgs));
    Path log = server.runDir.resolve(logName + ".log");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(server.runDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("DD_") || k.startsWith("OTEL_"));
    pb.environment().putAll(env);
    Process app = pb.start();
    try {
      if (!app.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        Processes.stop(app, Duration.ofSeconds(5));
        throw new AssertionError(
            "the app did not finish within " + TIMEOUT + ":\n" + server.logs());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      Processes.stop(app, Duration.ofSeconds(5));
      throw new AssertionError(e);
    }
    String output = Files.readString(log);
    assertThat(app.exitValue()).as("app exit code; logs:\n%s", server.logs()).isZero();
    assertThat(output).contains("order app done");
    return output;
  }

  /** The agent jar the build copied (maven-dependency-plugin, pre-integration-test). */
  static Path agent(String fileName) {
    String dir = System.getProperty("agents.dir");
    if (dir == null) {
      throw new IllegalStateException(
          "system property agents.dir is not set: run through `mvn -pl e2e verify`");
    }
    Path jar = Path.of(dir, fileName);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("missing " + jar + ": run through `mvn -pl e2e verify`");
    }
    return jar;
  }

  /** Only what the app needs: its classes, dd-trace-api (for @Trace), Jetty and SLF4J's API. */
  private static String appClasspath() {
    return Stream.of(
            OrderApp.class,
            datadog.trace.api.Trace.class,
            org.eclipse.jetty.server.Server.class,
            org.eclipse.jetty.http.HttpField.class,
            org.eclipse.jetty.io.Content.class,
            org.eclipse.jetty.util.Callback.class,
            org.slf4j.Logger.class)
        .map(TracedApp::codeSource)
        .distinct()
        .collect(Collectors.joining(java.io.File.pathSeparator));
  }

  static String codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("no path for " + type.getName(), e);
    }
  }
}
