package dev.tracehouse.demo.launcher;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./tracehouse demo}: starts Redis, the tracehouse server, taster and cafe (both under the
 * tracehouse agent) and a traffic generator as child processes, prints the URLs, and stops them all
 * on Ctrl-C. Run from the repository root after {@code mvn package}.
 */
public final class Launcher {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final DemoConfig config;
  private final List<ChildProcess> children = new ArrayList<>();
  private DemoRedis redis;

  private Launcher(DemoConfig config) {
    this.config = config;
  }

  public static void main(String[] args) {
    Path home = Path.of(System.getProperty("tracehouse.home", ".")).toAbsolutePath().normalize();
    Launcher launcher;
    try {
      launcher = new Launcher(DemoConfig.from(home, System.getenv()));
    } catch (IllegalArgumentException e) {
      System.err.println("demo: " + e.getMessage());
      System.exit(2);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(launcher::stopAll, "demo-shutdown"));
    try {
      launcher.startAll();
    } catch (IOException | RuntimeException e) {
      System.err.println("demo: " + e.getMessage());
      System.exit(1);
    }
    launcher.watch();
  }

  private void startAll() throws IOException {
    Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
    Path agent = artifact("tracer/tracer-agent/target/tracehouse-agent.jar");
    Path data = config.dataDir();
    int intakePort = config.intakePort();
    int webPort = config.webPort();
    int cafePort = config.cafePort();
    int tasterPort = config.tasterPort();
    Path logs = data.resolve("logs");
    int[] ports = {
      intakePort, config.otlpPort(), config.zipkinPort(), webPort, cafePort, tasterPort
    };
    for (int port : ports) {
      if (!DemoRedis.isFree(port)) {
        throw new IllegalStateException(
            "port " + port + " is already in use; stop whatever uses it (an earlier demo?)");
      }
    }
    redis = DemoRedis.startOrReuse(config.redisPort());
    System.out.println("demo: " + redis.description());

    ChildProcess server =
        start(
            "server",
            List.of(java.toString(), "-jar", artifact("server/target/server.jar").toString()),
            Map.of(
                "DATA_DIR", data.toString(),
                "INTAKE_DATADOG_PORT", String.valueOf(intakePort),
                "INTAKE_OTLP_PORT", String.valueOf(config.otlpPort()),
                "INTAKE_ZIPKIN_PORT", String.valueOf(config.zipkinPort()),
                "WEB_PORT", String.valueOf(webPort)),
            logs);
    Readiness.awaitHttp(server, "http://127.0.0.1:" + webPort + "/api/services", START_TIMEOUT);

    ChildProcess taster =
        start(
            "taster",
            traced(java, agent, "demo/taster/target/taster.jar"),
            Map.of("TASTER_PORT", String.valueOf(tasterPort), "DD_SERVICE", "taster"),
            logs);
    ChildProcess cafe =
        start(
            "cafe",
            traced(java, agent, "demo/cafe/target/cafe.jar"),
            Map.of(
                "CAFE_PORT",
                String.valueOf(cafePort),
                "TASTER_URL",
                "http://127.0.0.1:" + tasterPort,
                "REDIS_HOST",
                "127.0.0.1",
                "REDIS_PORT",
                String.valueOf(redis.port()),
                "CAFE_DB",
                data.resolve("cafe.db").toString(),
                "DD_SERVICE",
                "cafe"),
            logs);
    Readiness.awaitHttp(taster, "http://127.0.0.1:" + tasterPort + "/ping", START_TIMEOUT);
    Readiness.awaitHttp(cafe, "http://127.0.0.1:" + cafePort + "/ping", START_TIMEOUT);

    if (config.traffic()) {
      start(
          "traffic",
          List.of(
              java.toString(),
              "-cp",
              ownJar().toString(),
              Traffic.class.getName(),
              "http://127.0.0.1:" + cafePort),
          Map.of(),
          logs);
    }
    printBanner(logs);
  }

  private List<String> traced(Path java, Path agent, String jar) {
    return List.of(java.toString(), "-javaagent:" + agent, "-jar", artifact(jar).toString());
  }

  private ChildProcess start(String name, List<String> command, Map<String, String> env, Path logs)
      throws IOException {
    Map<String, String> full = new java.util.HashMap<>(env);
    full.putIfAbsent("DD_AGENT_HOST", "127.0.0.1");
    full.putIfAbsent("DD_TRACE_AGENT_PORT", String.valueOf(config.intakePort()));
    full.putIfAbsent("DD_ENV", "workshop");
    // The workshop's log pipeline parses dd.trace_id as a decimal number (the low 64 bits).
    full.putIfAbsent("DD_TRACE_128_BIT_TRACEID_LOGGING_ENABLED", "false");
    ChildProcess child = ChildProcess.start(name, command, full, logs);
    synchronized (children) {
      children.add(child);
    }
    System.out.println("demo: started " + name + " (log " + child.log() + ")");
    return child;
  }

  private Path artifact(String relative) {
    Path p = config.home().resolve(relative);
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException(
          p + " is missing; build first with: mvn -B -DskipTests package (./tracehouse demo does)");
    }
    return p;
  }

  private static Path ownJar() {
    try {
      return Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the launcher jar", e);
    }
  }

  private void printBanner(Path logs) {
    System.out.printf(
        "%n  tracehouse demo is running%n"
            + "    Traces UI      http://127.0.0.1:%d%n"
            + "    cafe           http://127.0.0.1:%d/pair/beer?name=ipa%n"
            + "    taster         http://127.0.0.1:%d/taste?beer=ipa&donut=jelly%n"
            + "    Datadog intake http://127.0.0.1:%d/info%n"
            + "    OTLP/HTTP      http://127.0.0.1:%d/v1/traces  Zipkin http://127.0.0.1:%d/api/v2/spans%n"
            + "    logs           %s%n"
            + "  Press Ctrl-C to stop everything.%n%n",
        config.webPort(),
        config.cafePort(),
        config.tasterPort(),
        config.intakePort(),
        config.otlpPort(),
        config.zipkinPort(),
        logs);
  }

  /** Exits the launcher when a service dies, after telling which. */
  private void watch() {
    while (true) {
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
      ChildProcess dead;
      synchronized (children) {
        dead =
            children.stream()
                .filter(c -> !c.isAlive() && !c.name().equals("traffic"))
                .findFirst()
                .orElse(null);
      }
      if (dead != null) {
        System.err.println("demo: " + dead.name() + " stopped; see " + dead.log());
        System.exit(1);
      }
    }
  }

  private void stopAll() {
    List<ChildProcess> toStop;
    synchronized (children) {
      toStop = new ArrayList<>(children);
      children.clear();
    }
    for (int i = toStop.size() - 1; i >= 0; i--) {
      toStop.get(i).stop();
    }
    if (redis != null) {
      redis.close();
    }
    if (!toStop.isEmpty()) {
      System.out.println("demo: stopped");
    }
  }
}
