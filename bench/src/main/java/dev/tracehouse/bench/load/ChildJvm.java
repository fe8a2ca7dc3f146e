package dev.tracehouse.bench.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A demo service started as a child JVM ({@code java [-javaagent:…] -jar …}) on a free port, with
 * its output in a log file; {@link #readyMillis()} is the time from process start to the first
 * answer on its port and {@link #readyCpuMillis()} the CPU time it used until then (steadier than
 * wall time on a busy machine). It may be started through a launcher such as {@code taskset -c 1}.
 */
final class ChildJvm implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(1))
          .build();

  private final Process process;
  private final int port;
  private final double readyMillis;
  private final double readyCpuMillis;

  private ChildJvm(Process process, int port, double readyMillis, double readyCpuMillis) {
    this.process = process;
    this.port = port;
    this.readyMillis = readyMillis;
    this.readyCpuMillis = readyCpuMillis;
  }

  /**
   * Starts the jar and waits until {@code readyPath} answers 200 ({@code null}: until the port
   * accepts connections).
   *
   * @param launcher words put before {@code java} (such as {@code taskset -c 1}), or none
   * @param jvmOptions options put before {@code -jar}, or none
   */
  static ChildJvm start(
      List<String> launcher,
      List<String> jvmOptions,
      Path jar,
      Path agentJar,
      Map<String, String> env,
      String portVariable,
      String readyPath,
      Path log)
      throws IOException, InterruptedException {
    int port = freePort();
    List<String> command = new ArrayList<>(launcher);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (agentJar != null) {
      command.add("-javaagent:" + agentJar);
    }
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().putAll(env);
    builder.environment().put(portVariable, Integer.toString(port));
    long started = System.nanoTime();
    Process process = builder.start();
    try {
      awaitReady(process, port, readyPath, log);
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
    double readyMillis = (System.nanoTime() - started) / 1e6;
    double cpuMillis =
        process.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
    return new ChildJvm(process, port, readyMillis, cpuMillis);
  }

  int port() {
    return port;
  }

  /** The process id: of {@code java}, which the launcher ({@code taskset}) executes in place. */
  long pid() {
    return process.pid();
  }

  double readyMillis() {
    return readyMillis;
  }

  /** CPU time the child used until it was ready (all threads), or NaN where the OS won't say. */
  double readyCpuMillis() {
    return readyCpuMillis;
  }

  private static void awaitReady(Process process, int port, String readyPath, Path log)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(
            "exited with " + process.exitValue() + " before it was ready; see " + log);
      }
      if (answers(port, readyPath)) {
        return;
      }
      Thread.sleep(5);
    }
    throw new IOException("not ready after " + READY_TIMEOUT.toSeconds() + " s; see " + log);
  }

  private static boolean answers(int port, String readyPath) throws InterruptedException {
    if (readyPath == null) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return true;
      } catch (IOException e) {
        return false;
      }
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + readyPath))
            .timeout(Duration.ofSeconds(1))
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
