package dev.tracehouse.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * Measures what the tracehouse agent costs the cafe (issue 5, acceptance 3 and the startup part of
 * 4): the cafe runs without a tracer, under the agent with the trace agent's port closed, with a
 * trace agent that answers only after a delay, and with a healthy one; each run measures the time
 * from process start to the first {@code /ping}, then closed-loop load after a warm-up. Redis (the
 * embedded-redis binary) and an untraced taster are started once and shared by all runs.
 *
 * <p>Usage, from the repository root after {@code mvn -B -DskipTests package}: {@code java -cp
 * bench/target/benchmarks.jar dev.tracehouse.bench.load.CafeOverheadHarness seconds=60 warmup=20
 * threads=4 rounds=2 startups=5 slow=10 modes=none,down,slow,up}.
 */
public final class CafeOverheadHarness {
  private final OverheadOptions options;
  private final Path work;
  private final Map<TracingMode, List<CafeLoad.Result>> results = new EnumMap<>(TracingMode.class);
  private final Map<TracingMode, List<Double>> startups = new EnumMap<>(TracingMode.class);
  private final Map<TracingMode, List<Double>> startupCpu = new EnumMap<>(TracingMode.class);
  private int runs;

  private CafeOverheadHarness(OverheadOptions options, Path work) {
    this.options = options;
    this.work = work;
  }

  public static void main(String[] args) throws Exception {
    OverheadOptions options;
    try {
      options = OverheadOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("CafeOverheadHarness: " + e.getMessage());
      System.exit(2);
      return;
    }
    Path work = Files.createTempDirectory("tracehouse-overhead");
    System.out.println("overhead: logs and databases in " + work);
    new CafeOverheadHarness(options, work).run();
  }

  private void run() throws Exception {
    Path redisDir = Files.createDirectories(work.resolve("redis"));
    int redisPort = ChildJvm.freePort();
    RedisServer redis =
        RedisServer.newRedisServer()
            .executableProvider(ExecutableProvider.newJarResourceProvider(redisDir.toFile()))
            .port(redisPort)
            .bind("127.0.0.1")
            .setting("save \"\"")
            .setting("appendonly no")
            .build();
    redis.start();
    try (FakeTraceAgent healthy = new FakeTraceAgent(Duration.ZERO);
        FakeTraceAgent slow = new FakeTraceAgent(Duration.ofSeconds(options.slowSeconds()));
        ChildJvm taster =
            ChildJvm.start(
                artifact("demo/taster/target/taster.jar"),
                null,
                Map.of(),
                "TASTER_PORT",
                null,
                work.resolve("taster.log"))) {
      Map<TracingMode, Integer> agentPorts = new EnumMap<>(TracingMode.class);
      agentPorts.put(TracingMode.NONE, ChildJvm.freePort());
      agentPorts.put(TracingMode.DOWN, ChildJvm.freePort());
      agentPorts.put(TracingMode.SLOW, slow.port());
      agentPorts.put(TracingMode.UP, healthy.port());
      Map<String, String> env = new HashMap<>();
      env.put("TASTER_URL", "http://127.0.0.1:" + taster.port());
      env.put("REDIS_PORT", Integer.toString(redisPort));
      env.put("DD_SERVICE", "cafe");
      env.put("DD_AGENT_HOST", "127.0.0.1");
      for (TracingMode mode : options.modes()) {
        for (int i = 0; i < options.startups(); i++) {
          try (ChildJvm cafe = startCafe(mode, env, agentPorts.get(mode))) {
            recordStartup(mode, cafe);
          }
        }
      }
      for (int round = 0; round < options.rounds(); round++) {
        List<TracingMode> order = rotated(options.modes(), round);
        for (TracingMode mode : order) {
          measure(mode, round, env, agentPorts.get(mode));
        }
      }
    } finally {
      redis.stop();
    }
    summarise();
  }

  private void measure(TracingMode mode, int round, Map<String, String> env, int agentPort)
      throws Exception {
    try (ChildJvm cafe = startCafe(mode, env, agentPort)) {
      recordStartup(mode, cafe);
      if (options.warmup() > 0) {
        CafeLoad.run(cafe.port(), options.threads(), Duration.ofSeconds(options.warmup()));
      }
      CafeLoad.Result result =
          CafeLoad.run(cafe.port(), options.threads(), Duration.ofSeconds(options.seconds()));
      record(results, mode, result);
      System.out.printf(
          "round %d %-4s ready %5.0f ms (%5.0f ms CPU)  %8.1f req/s  %d failed  latency ms %s%n",
          round + 1,
          mode.name().toLowerCase(Locale.ROOT),
          cafe.readyMillis(),
          cafe.readyCpuMillis(),
          result.perSecond(),
          result.failures(),
          result.latencies().summary());
    }
  }

  private ChildJvm startCafe(TracingMode mode, Map<String, String> env, int agentPort)
      throws IOException, InterruptedException {
    int n = ++runs;
    Map<String, String> cafeEnv = new HashMap<>(env);
    cafeEnv.put("CAFE_DB", work.resolve("cafe-" + n + ".db").toString());
    cafeEnv.put("DD_TRACE_AGENT_PORT", Integer.toString(agentPort));
    Path agent = mode.traced() ? artifact("tracer/tracer-agent/target/tracehouse-agent.jar") : null;
    return ChildJvm.start(
        artifact("demo/cafe/target/cafe.jar"),
        agent,
        cafeEnv,
        "CAFE_PORT",
        "/ping",
        work.resolve("cafe-" + n + "-" + mode.name().toLowerCase(Locale.ROOT) + ".log"));
  }

  private void summarise() {
    TracingMode baseline = options.modes().get(0);
    double baseRate = meanRate(baseline);
    double baseStartup = median(startups.get(baseline));
    double baseCpu = median(startupCpu.get(baseline));
    System.out.printf("%nsummary (baseline %s)%n", baseline);
    for (TracingMode mode : options.modes()) {
      LatencyRecorder all = new LatencyRecorder();
      long failures = 0;
      for (CafeLoad.Result r : results.getOrDefault(mode, List.of())) {
        all.addAll(r.latencies());
        failures += r.failures();
      }
      double rate = meanRate(mode);
      double startup = median(startups.get(mode));
      double cpu = median(startupCpu.get(mode));
      System.out.printf(
          "%-4s %8.1f req/s (%+5.1f %%)  p50 %.2f ms  p99 %.2f ms  failed %d  ready median %.0f ms"
              + " (%+.0f ms), CPU %.0f ms (%+.0f ms), %d starts%n",
          mode.name().toLowerCase(Locale.ROOT),
          rate,
          100 * (rate / baseRate - 1),
          all.millisAt(0.50),
          all.millisAt(0.99),
          failures,
          startup,
          startup - baseStartup,
          cpu,
          cpu - baseCpu,
          startups.get(mode).size());
    }
  }

  private void recordStartup(TracingMode mode, ChildJvm cafe) {
    record(startups, mode, cafe.readyMillis());
    record(startupCpu, mode, cafe.readyCpuMillis());
  }

  private double meanRate(TracingMode mode) {
    return results.getOrDefault(mode, List.of()).stream()
        .mapToDouble(CafeLoad.Result::perSecond)
        .average()
        .orElse(Double.NaN);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.isEmpty() ? Double.NaN : sorted.get((sorted.size() - 1) / 2);
  }

  private static <T> void record(Map<TracingMode, List<T>> into, TracingMode mode, T value) {
    into.computeIfAbsent(mode, m -> new ArrayList<>()).add(value);
  }

  private static List<TracingMode> rotated(List<TracingMode> modes, int by) {
    List<TracingMode> order = new ArrayList<>(modes);
    Collections.rotate(order, -by);
    return order;
  }

  private Path artifact(String relative) throws IOException {
    Path path = options.home().resolve(relative);
    if (!Files.isRegularFile(path)) {
      throw new IOException(path + " is missing; build first with: mvn -B -DskipTests package");
    }
    return path;
  }
}
