package dev.tracehouse.bench.load;

import dev.tracehouse.bench.load.ProcessCpu.ThreadKind;
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

/**
 * Measures what the tracehouse agent costs the cafe (issue 5, acceptance 3 and the startup part of
 * 4): the cafe runs without a tracer, under the agent with the trace agent's port closed, with a
 * trace agent that answers only after a delay, and with a healthy one. Each run measures the time
 * from process start to the first {@code /ping}, then load after a warm-up: closed loop (saturated
 * throughput) or open loop at a fixed rate (latency and CPU at equal work). The steadiest measure
 * is the CPU time per request of the cafe and of the taster, from {@code /proc/<pid>/stat} over the
 * measured window. Rounds rotate the mode order and the report pairs each mode with the baseline of
 * the same round. Redis (the embedded-redis binary) and an untraced taster are started once and
 * shared by all runs; with {@code pin=true} they and the cafe run on CPUs 1.. and this process (the
 * load generator and the fake trace agents) on CPU 0.
 *
 * <p>Usage, from the repository root after {@code mvn -B -DskipTests package}: {@code java -cp
 * bench/target/benchmarks.jar dev.tracehouse.bench.load.CafeOverheadHarness seconds=60 warmup=20
 * threads=4 rate=0 rounds=2 startups=5 slow=10 pin=false modes=none,down,slow,up}; optional {@code
 * jitidle=<ms of JIT CPU per s> maxwarmup=600 cafeopts="<JVM options of the cafe>"}. Modes {@code
 * off}, {@code bootcp}, {@code noop} and {@code hook} take the agent's cost apart ({@link
 * TracingMode}).
 */
public final class CafeOverheadHarness {
  /** The agent's switches (its README's Configuration table) for {@link TracingMode#OFF}. */
  private static final Map<String, String> EVERY_INTEGRATION_OFF =
      Map.of(
          "DD_TRACE_SERVLET_ENABLED", "false",
          "DD_TRACE_HTTPCLIENT_ENABLED", "false",
          "DD_TRACE_JDBC_ENABLED", "false",
          "DD_TRACE_JEDIS_ENABLED", "false",
          "DD_TRACE_ANNOTATIONS_ENABLED", "false",
          "DD_TRACE_HTTPURLCONNECTION_ENABLED", "false",
          "DD_TRACE_JAVA_CONCURRENT_ENABLED", "false",
          "DD_TRACE_JAVALIN_ENABLED", "false",
          "DD_TRACE_SLF4J_ENABLED", "false",
          "DD_LOGS_INJECTION", "false");

  private final OverheadOptions options;
  private final Path work;
  private final CpuPinning pinning;
  private final OverheadReport report;
  private final Path trivialAgent;
  private int runs;

  private CafeOverheadHarness(OverheadOptions options, Path work, CpuPinning pinning)
      throws IOException {
    this.options = options;
    this.work = work;
    this.pinning = pinning;
    this.report = new OverheadReport(options.modes());
    this.trivialAgent = TrivialAgent.writeJar(work);
  }

  public static void main(String[] args) throws Exception {
    OverheadOptions options;
    CpuPinning pinning;
    try {
      options = OverheadOptions.parse(args);
      pinning = options.pin() ? CpuPinning.generatorOnFirstCpu() : CpuPinning.none();
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("CafeOverheadHarness: " + e.getMessage());
      System.exit(2);
      return;
    }
    Path work = Files.createTempDirectory("tracehouse-overhead");
    System.out.println("overhead: logs and databases in " + work);
    new CafeOverheadHarness(options, work, pinning).run();
  }

  private void run() throws Exception {
    try (CafeRedis redis = CafeRedis.start(work.resolve("redis"))) {
      for (ProcessHandle child : ProcessHandle.current().children().toList()) {
        pinning.pinService(child.pid());
      }
      pinning.pinGenerator();
      measureAll(redis.port());
    }
    report.print();
  }

  private void measureAll(int redisPort) throws Exception {
    try (FakeTraceAgent healthy = new FakeTraceAgent(Duration.ZERO);
        FakeTraceAgent slow = new FakeTraceAgent(Duration.ofSeconds(options.slowSeconds()));
        ChildJvm taster =
            ChildJvm.start(
                pinning.launcher(),
                List.of(),
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
      agentPorts.put(TracingMode.OFF, ChildJvm.freePort());
      agentPorts.put(TracingMode.BOOTCP, ChildJvm.freePort());
      agentPorts.put(TracingMode.NOOP, ChildJvm.freePort());
      agentPorts.put(TracingMode.HOOK, ChildJvm.freePort());
      Map<String, String> env = new HashMap<>();
      env.put("TASTER_URL", "http://127.0.0.1:" + taster.port());
      env.put("REDIS_PORT", Integer.toString(redisPort));
      env.put("DD_SERVICE", "cafe");
      env.put("DD_AGENT_HOST", "127.0.0.1");
      for (TracingMode mode : options.modes()) {
        for (int i = 0; i < options.startups(); i++) {
          try (ChildJvm cafe = startCafe(mode, env, agentPorts.get(mode))) {
            report.startup(mode, cafe);
          }
        }
      }
      for (int round = 0; round < options.rounds(); round++) {
        for (TracingMode mode : rotated(options.modes(), round)) {
          measure(mode, round, env, agentPorts.get(mode), taster);
        }
      }
    }
  }

  private void measure(
      TracingMode mode, int round, Map<String, String> env, int agentPort, ChildJvm taster)
      throws Exception {
    try (ChildJvm cafe = startCafe(mode, env, agentPort)) {
      report.startup(mode, cafe);
      Warmup warmup = warmUp(cafe);
      long cafeCpu = ProcessCpu.nanos(cafe.pid());
      Map<ThreadKind, Long> cafeThreads = ProcessCpu.nanosByThreadKind(cafe.pid());
      long tasterCpu = ProcessCpu.nanos(taster.pid());
      CafeLoad.Result result = load(cafe, options.seconds());
      long cafeUsed = ProcessCpu.nanos(cafe.pid()) - cafeCpu;
      report.run(
          new RunResult(
              mode,
              round,
              result,
              cafeUsed,
              byKind(cafeUsed, cafeThreads, ProcessCpu.nanosByThreadKind(cafe.pid())),
              ProcessCpu.nanos(taster.pid()) - tasterCpu,
              warmup));
    }
  }

  /**
   * Loads the cafe for {@code warmup} seconds, then, with {@code jitidle}, in further steps until
   * its JIT compiler threads are (nearly) idle or {@code maxwarmup} is reached.
   */
  private Warmup warmUp(ChildJvm cafe) throws IOException, InterruptedException {
    int seconds = options.warmup();
    if (seconds > 0) {
      load(cafe, seconds);
    }
    double jitMillisPerSecond = Double.NaN;
    while (options.jitIdleMillis() > 0) {
      int step = Math.min(OverheadOptions.JIT_STEP_SECONDS, options.maxWarmup() - seconds);
      if (step <= 0) {
        break;
      }
      long jitBefore = jitNanos(cafe);
      long stepStart = System.nanoTime();
      load(cafe, step);
      seconds += step;
      jitMillisPerSecond =
          (jitNanos(cafe) - jitBefore) / 1e6 / ((System.nanoTime() - stepStart) / 1e9);
      if (jitMillisPerSecond < options.jitIdleMillis()) {
        break;
      }
    }
    return new Warmup(seconds, jitMillisPerSecond);
  }

  private static long jitNanos(ChildJvm cafe) throws IOException {
    return ProcessCpu.nanosByThreadKind(cafe.pid()).getOrDefault(ThreadKind.JIT, 0L);
  }

  /** The CPU each kind of thread used between two readings; the rest of the total is OTHER. */
  private static Map<ThreadKind, Long> byKind(
      long total, Map<ThreadKind, Long> before, Map<ThreadKind, Long> after) {
    Map<ThreadKind, Long> used = new EnumMap<>(ThreadKind.class);
    long rest = total;
    for (ThreadKind kind : ThreadKind.values()) {
      if (kind != ThreadKind.OTHER) {
        long delta = after.getOrDefault(kind, 0L) - before.getOrDefault(kind, 0L);
        used.put(kind, delta);
        rest -= delta;
      }
    }
    used.put(ThreadKind.OTHER, rest);
    return used;
  }

  private CafeLoad.Result load(ChildJvm cafe, int seconds) throws InterruptedException {
    return CafeLoad.run(
        cafe.port(), options.threads(), options.rate(), Duration.ofSeconds(seconds));
  }

  private ChildJvm startCafe(TracingMode mode, Map<String, String> env, int agentPort)
      throws IOException, InterruptedException {
    int n = ++runs;
    Map<String, String> cafeEnv = new HashMap<>(env);
    cafeEnv.put("CAFE_DB", work.resolve("cafe-" + n + ".db").toString());
    cafeEnv.put("DD_TRACE_AGENT_PORT", Integer.toString(agentPort));
    if (mode == TracingMode.OFF) {
      cafeEnv.putAll(EVERY_INTEGRATION_OFF);
    }
    String label = n + "-" + mode.name().toLowerCase(Locale.ROOT);
    List<String> jvmOptions = new ArrayList<>(agentOptions(mode));
    jvmOptions.addAll(options.cafeOptions(label));
    return ChildJvm.start(
        pinning.launcher(),
        jvmOptions,
        artifact("demo/cafe/target/cafe.jar"),
        mode.traced() ? existing(options.agent()) : null,
        cafeEnv,
        "CAFE_PORT",
        "/ping",
        work.resolve("cafe-" + label + ".log"));
  }

  /** The JVM options of the modes that stand in for parts of the agent ({@link TrivialAgent}). */
  private List<String> agentOptions(TracingMode mode) throws IOException {
    return switch (mode) {
      case BOOTCP -> List.of("-Xbootclasspath/a:" + existing(options.agent()));
      case NOOP -> List.of("-javaagent:" + trivialAgent);
      case HOOK -> List.of("-javaagent:" + trivialAgent + "=" + TrivialAgent.HOOK_ARGUMENT);
      default -> List.of();
    };
  }

  private static List<TracingMode> rotated(List<TracingMode> modes, int by) {
    List<TracingMode> order = new ArrayList<>(modes);
    Collections.rotate(order, -by);
    return order;
  }

  private Path artifact(String relative) throws IOException {
    return existing(options.home().resolve(relative));
  }

  private static Path existing(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      throw new IOException(path + " is missing; build first with: mvn -B -DskipTests package");
    }
    return path;
  }
}
