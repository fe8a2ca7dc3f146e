package dev.tracehouse.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures what {@code -javaagent} costs the cafe's start-up (issue 5, acceptance 4): per round the
 * cafe is started without the agent, then under the {@code baseline} agent build if one is given,
 * then under {@code agent} (so that a change in the machine's load hits all alike), each time until
 * its first {@code /ping} answer. It prints per kind of start the min and median ready time and CPU
 * time until ready, the median CPU per kind of thread (main and other threads, JIT compilers, GC),
 * and with {@code counts=true} the classes loaded and methods compiled until ready (steady where
 * times are not, on a shared machine; the flags that count them add their own cost), then the
 * medians' differences to the plain start. The trace agent is a healthy fake; Redis and an untraced
 * taster are shared.
 *
 * <p>Usage, from the repository root after {@code mvn -B -DskipTests -Pbench package}: {@code java
 * -cp bench/target/benchmarks.jar dev.tracehouse.bench.load.AgentStartupHarness starts=7} (options
 * {@code agent=path/to/agent.jar}, {@code baseline=path/to/older-agent.jar}, {@code counts=true}).
 */
public final class AgentStartupHarness {
  private final Path home;
  private final Path agent;
  private final Path baseline;
  private final int starts;
  private final boolean counts;
  private final Path work;

  private AgentStartupHarness(
      Path home, Path agent, Path baseline, int starts, boolean counts, Path work) {
    this.home = home;
    this.agent = agent;
    this.baseline = baseline;
    this.starts = starts;
    this.counts = counts;
    this.work = work;
  }

  public static void main(String[] args) throws Exception {
    AgentStartupHarness harness;
    try {
      KeyValueArgs given = new KeyValueArgs(args);
      Path home = Path.of(given.text("home", ".")).toAbsolutePath().normalize();
      Path agent =
          home.resolve(given.text("agent", "tracer/tracer-agent/target/tracehouse-agent.jar"));
      String baseline = given.text("baseline", null);
      int starts = given.number("starts", 7, 1, 50);
      boolean counts = given.flag("counts", false);
      given.requireAllUsed();
      harness =
          new AgentStartupHarness(
              home,
              agent,
              baseline == null ? null : home.resolve(baseline),
              starts,
              counts,
              Files.createTempDirectory("tracehouse-up"));
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
    if (baseline != null) {
      artifact(baseline);
    }
    StartupSamples plain = new StartupSamples("without agent");
    StartupSamples before = new StartupSamples("baseline " + shortName(baseline));
    StartupSamples traced = new StartupSamples("agent " + shortName(agent));
    try (CafeRedis redis = CafeRedis.start(work.resolve("redis"));
        FakeTraceAgent traceAgent = new FakeTraceAgent(Duration.ZERO);
        ChildJvm taster =
            ChildJvm.start(
                List.of(),
                List.of(),
                tasterJar,
                null,
                Map.of(),
                "TASTER_PORT",
                null,
                work.resolve("t.log"))) {
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
        if (baseline != null) {
          before.add(start(cafeJar, baseline, env, "cafe-" + i + "-baseline"));
        }
        traced.add(start(cafeJar, agent, env, "cafe-" + i + "-agent"));
      }
    }
    plain.print();
    if (baseline != null) {
      before.print();
      printCost(before, plain);
    }
    traced.print();
    printCost(traced, plain);
  }

  private void printCost(StartupSamples withAgent, StartupSamples plain) {
    System.out.printf(
        "  cost (median difference): ready %+.0f ms, CPU %+.0f ms, %d starts each%n",
        withAgent.medianReady() - plain.medianReady(),
        withAgent.medianCpu() - plain.medianCpu(),
        starts);
  }

  private StartupSamples.Start start(Path jar, Path agentJar, Map<String, String> env, String name)
      throws IOException, InterruptedException {
    Map<String, String> cafeEnv = new HashMap<>(env);
    cafeEnv.put("CAFE_DB", work.resolve(name + ".db").toString());
    Path log = work.resolve(name + ".log");
    Path classLog = counts ? work.resolve(name + ".classes") : null;
    if (counts) {
      // Read by the child JVM only (its launcher prints that it picked them up).
      cafeEnv.put(
          "JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + classLog + " -XX:+PrintCompilation");
    }
    try (ChildJvm cafe =
        ChildJvm.start(List.of(), List.of(), jar, agentJar, cafeEnv, "CAFE_PORT", "/ping", log)) {
      return StartupSamples.Start.of(cafe, classLog, counts ? log : null);
    }
  }

  private static String shortName(Path jar) {
    return jar == null ? "" : jar.getParent().getFileName() + "/" + jar.getFileName();
  }

  private static Path artifact(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      throw new IOException(path + " is missing; build first with: mvn -B -DskipTests package");
    }
    return path;
  }
}
