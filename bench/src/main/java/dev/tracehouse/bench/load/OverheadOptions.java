package dev.tracehouse.bench.load;

import java.nio.file.Path;
import java.util.List;

/**
 * The cafe overhead harness's {@code key=value} arguments.
 *
 * @param home the repository root (where {@code demo/cafe/target/cafe.jar} is)
 * @param agent the {@code -javaagent} jar of the traced modes (relative paths from {@code home})
 * @param seconds measured load per run
 * @param warmup unmeasured load before each measurement
 * @param jitIdleMillis when above 0, the warm-up goes on in steps of {@link #JIT_STEP_SECONDS}
 *     until the cafe's JIT compiler threads used less than this many ms of CPU per second during a
 *     step (at most {@code maxWarmup} seconds in all)
 * @param maxWarmup the longest warm-up {@code jitIdleMillis} may extend to
 * @param threads client threads, one request in flight each
 * @param rate requests per second over all threads (open loop), or 0 for closed-loop load
 * @param rounds how many times every mode is run (the order rotates between rounds)
 * @param startups extra start-to-ready measurements per mode
 * @param slowSeconds how long the slow agent waits before it answers
 * @param pin whether to pin the load generator to CPU 0 and the services to the other CPUs
 * @param modes the modes to compare, the first one being the baseline
 * @param cafeOptions extra JVM options of the cafe (such as {@code -XX:+PrintCompilation}); {@code
 *     {run}} in an option is replaced by the run's number and mode ({@code 3-down}), so that each
 *     run can write its own file
 */
record OverheadOptions(
    Path home,
    Path agent,
    int seconds,
    int warmup,
    int jitIdleMillis,
    int maxWarmup,
    int threads,
    int rate,
    int rounds,
    int startups,
    int slowSeconds,
    boolean pin,
    List<TracingMode> modes,
    List<String> cafeOptions) {

  /** The length of one warm-up step while waiting for the JIT to become idle. */
  static final int JIT_STEP_SECONDS = 10;

  static OverheadOptions parse(String[] args) {
    KeyValueArgs given = new KeyValueArgs(args);
    Path home = Path.of(given.text("home", ".")).toAbsolutePath().normalize();
    OverheadOptions o =
        new OverheadOptions(
            home,
            home.resolve(given.text("agent", "tracer/tracer-agent/target/tracehouse-agent.jar")),
            given.number("seconds", 60, 1, 600),
            given.number("warmup", 20, 0, 600),
            given.number("jitidle", 0, 0, 1000),
            given.number("maxwarmup", 600, 0, 1800),
            given.number("threads", 4, 1, 64),
            given.number("rate", 0, 0, 100_000),
            given.number("rounds", 2, 1, 50),
            given.number("startups", 5, 0, 50),
            given.number("slow", 10, 1, 120),
            given.flag("pin", false),
            TracingMode.parseList(given.text("modes", "none,down,slow,up")),
            words(given.text("cafeopts", "")));
    given.requireAllUsed();
    if (o.jitIdleMillis() > 0 && o.maxWarmup() < o.warmup()) {
      throw new IllegalArgumentException(
          "maxwarmup (" + o.maxWarmup() + ") must not be below warmup (" + o.warmup() + ")");
    }
    return o;
  }

  /** The cafe's JVM options of run {@code label}, such as {@code 3-down}. */
  List<String> cafeOptions(String label) {
    return cafeOptions.stream().map(option -> option.replace("{run}", label)).toList();
  }

  private static List<String> words(String text) {
    return text.isEmpty() ? List.of() : List.of(text.split("\\s+"));
  }
}
