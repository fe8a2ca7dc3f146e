package dev.tracehouse.tracer.agent;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A test app in a forked JVM under {@code -javaagent:target/tracehouse-agent.jar}. */
final class AppProcess implements AutoCloseable {

  static final Path AGENT_JAR = Path.of("target", "tracehouse-agent.jar");

  private final Process process;
  private final int port;
  private final Path log;
  private final HttpClient client = HttpClient.newHttpClient();

  private AppProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts {@link SelfCallingApp} with the agent sending to {@code agentPort}, and waits until it
   * answers.
   */
  static AppProcess start(int agentPort, String name) throws IOException {
    return start(SelfCallingApp.class, agentPort, name, "/inner");
  }

  /**
   * Starts the web app {@code main} (its argument: the port) with the agent sending to {@code
   * agentPort}, and waits until {@code GET readyPath} answers 200.
   */
  static AppProcess start(Class<?> main, int agentPort, String name, String readyPath)
      throws IOException {
    int port = freePort();
    Path log = logFile(name);
    ProcessBuilder builder =
        builder(main, agentPort, List.of(), log, List.of(Integer.toString(port)));
    AppProcess app = new AppProcess(builder.start(), port, log);
    await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptionsMatching(e -> e instanceof IOException)
        .until(() -> app.failedToStart() || app.get(readyPath).statusCode() == 200);
    if (app.failedToStart()) {
      throw new IllegalStateException("app exited early, see " + log.toAbsolutePath());
    }
    return app;
  }

  /**
   * Runs {@code main} to completion with the agent sending to {@code agentPort} and returns what it
   * printed.
   *
   * @param settings extra environment variables
   * @param jvmOptions extra JVM options, such as {@code -Ddd.logs.injection=false}
   */
  static String run(
      Class<?> main,
      int agentPort,
      String name,
      Map<String, String> settings,
      List<String> jvmOptions)
      throws IOException, InterruptedException {
    Path log = logFile(name);
    ProcessBuilder builder = builder(main, agentPort, jvmOptions, log, List.of());
    builder.environment().putAll(settings);
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("app did not exit, see " + log.toAbsolutePath());
    }
    return Files.readString(log);
  }

  /** A port nothing listens on (it was free a moment ago). */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static Path logFile(String name) {
    return Path.of("target", "it-" + name + ".log");
  }

  private static ProcessBuilder builder(
      Class<?> main, int agentPort, List<String> jvmOptions, Path log, List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-javaagent:" + AGENT_JAR.toAbsolutePath());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(arguments);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("DD_SERVICE", "selfcall");
    builder.environment().put("DD_ENV", "it");
    builder.environment().put("DD_AGENT_HOST", "127.0.0.1");
    builder.environment().put("DD_TRACE_AGENT_PORT", Integer.toString(agentPort));
    return builder;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  int port() {
    return port;
  }

  String output() throws IOException {
    return Files.readString(log);
  }

  private boolean failedToStart() {
    return !process.isAlive();
  }

  @Override
  public void close() {
    process.destroy();
    process.onExit().join();
  }

  static boolean agentJarExists() {
    return new File(AGENT_JAR.toString()).isFile();
  }
}
