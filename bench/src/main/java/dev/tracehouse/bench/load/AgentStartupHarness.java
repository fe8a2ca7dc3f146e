package dev.tracehouse.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures what {@code -javaagent} costs the cafe's start-up (issue 5, acceptance 4): the cafe is
 * started {@code starts} times without the agent and as often with it, alternately (so that a
 * change in the machine's load hits both alike), each time until its first {@code /ping} answer; it
 * prints min and median of the ready time and of the CPU time used until ready, and the medians'
 * differences. The trace agent is a healthy fake; Redis and an untraced taster are shared.
 *
 * <p>Usage, from the repository root after {@code mvn -B -DskipTests -Pbench package}: {@code java
 * -cp bench/target/benchmarks.jar dev.tracehouse.bench.load.AgentStartupHarness starts=7} (option
 * {@code agent=path/to/agent.jar} compares another build of the agent).
 */
public final class AgentStartupHarness {
  private final Path home;
  private final Path agent;
  private final int starts;
  private final Path work;

  private AgentStartupHarness(Path home, Path agent, int starts, Path work) {
    this.home = home;
    this.agent = agent;
    this.starts = starts;
    this.work = work;
  }

  public static void main(String[] args) throws Exception {
    AgentStartupHarness harness;
    try {
      KeyValueArgs given = new KeyValueArgs(args);
      Path home = Path.of(given.text("home", ".")).toAbsolutePath().normalize();
      Path agent =
          home.resolve(given.text("agent", "tracer/tracer-agent/target/tracehouse-agent.jar"));
      int starts = given.number("starts", 7, 1, 50);
      given.requireAllUsed();
      harness =
          new AgentStartupHarness(home, agent, starts, Files.createTempDirectory("tracehouse-up"));
    } catch (IllegalArgumentException e) {
      System.err.println("AgentStartupHarness: " + e.getMessage());
      System.exit(2);
      return;
    }
    harness.run();
  }

  private void run() throws Exception {
    System.out.println("start-up: logs in " + work);
    Path cafeJar = artifact(home.resolve("demo/cafe/target/cafe.jar"));
    Path tasterJar = artifact(home.resolve("demo/taster/target/taster.jar"));
    artifact(agent);
    Samples plain = new Samples();
    Samples traced = new Samples();
    try (CafeRedis redis = CafeRedis.start(work.resolve("redis"));
        FakeTraceAgent traceAgent = new FakeTraceAgent(Duration.ZERO);
        ChildJvm taster =
            ChildJvm.start(
                List.of(), tasterJar, null, Map.of(), "TASTER_PORT", null, work.resolve("t.log"))) {
      Map<String, String> env =
          Map.of(
              "TASTER_URL",
              "http://127.0.0.1:" + taster.port(),
              "REDIS_PORT",
              Integer.toString(redis.port()),
              "DD_SERVICE",
              "cafe",
              "DD_AGENT_HOST",
              "127.0.0.1",
              "DD_TRACE_AGENT_PORT",
              Integer.toString(traceAgent.port()));
      for (int i = 1; i <= starts; i++) {
        plain.add(start(cafeJar, null, env, "cafe-" + i + "-plain"));
        traced.add(start(cafeJar, agent, env, "cafe-" + i + "-agent"));
      }
    }
    plain.print("without agent");
    traced.print("with agent");
    System.out.printf(
        "agent cost (median difference): ready %+.0f ms, CPU %+.0f ms, %d starts each, agent %s%n",
        traced.medianReady() - plain.medianReady(),
        traced.medianCpu() - plain.medianCpu(),
        starts,
        agent);
  }

  private Start start(Path jar, Path agentJar, Map<String, String> env, String name)
      throws IOException, InterruptedException {
    Map<String, String> cafeEnv = new HashMap<>(env);
    cafeEnv.put("CAFE_DB", work.resolve(name + ".db").toString());
    try (ChildJvm cafe =
        ChildJvm.start(
            List.of(), jar, agentJar, cafeEnv, "CAFE_PORT", "/ping", work.resolve(name + ".log"))) {
      return new Start(cafe.readyMillis(), cafe.readyCpuMillis());
    }
  }

  private static Path artifact(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      throw new IOException(path + " is missing; build first with: mvn -B -DskipTests package");
    }
    return path;
  }

  /** One start: time to the first answer and CPU time used until then. */
  private record Start(double readyMillis, double cpuMillis) {}

  /** Ready and CPU times of one kind of start. */
  private static final class Samples {
    private final List<Double> ready = new ArrayList<>();
    private final List<Double> cpu = new ArrayList<>();

    void add(Start start) {
      ready.add(start.readyMillis());
      cpu.add(start.cpuMillis());
    }

    double medianReady() {
      return median(ready);
    }

    double medianCpu() {
      return median(cpu);
    }

    void print(String label) {
      System.out.printf(
          "%-14s ready min %5.0f median %5.0f ms   CPU min %5.0f median %5.0f ms   (ready %s)%n",
          label, min(ready), median(ready), min(cpu), median(cpu), ready);
    }

    private static double min(List<Double> values) {
      return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double median(List<Double> values) {
      List<Double> sorted = new ArrayList<>(values);
      sorted.sort(null);
      return sorted.get((sorted.size() - 1) / 2);
    }
  }
}
