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
 * @param threads client threads, one request in flight each
 * @param rate requests per second over all threads (open loop), or 0 for closed-loop load
 * @param rounds how many times every mode is run (the order rotates between rounds)
 * @param startups extra start-to-ready measurements per mode
 * @param slowSeconds how long the slow agent waits before it answers
 * @param pin whether to pin the load generator to CPU 0 and the services to the other CPUs
 * @param modes the modes to compare, the first one being the baseline
 */
record OverheadOptions(
    Path home,
    Path agent,
    int seconds,
    int warmup,
    int threads,
    int rate,
    int rounds,
    int startups,
    int slowSeconds,
    boolean pin,
    List<TracingMode> modes) {

  static OverheadOptions parse(String[] args) {
    KeyValueArgs given = new KeyValueArgs(args);
    Path home = Path.of(given.text("home", ".")).toAbsolutePath().normalize();
    OverheadOptions o =
        new OverheadOptions(
            home,
            home.resolve(given.text("agent", "tracer/tracer-agent/target/tracehouse-agent.jar")),
            given.number("seconds", 60, 1, 600),
            given.number("warmup", 20, 0, 600),
            given.number("threads", 4, 1, 64),
            given.number("rate", 0, 0, 100_000),
            given.number("rounds", 2, 1, 50),
            given.number("startups", 5, 0, 50),
            given.number("slow", 10, 1, 120),
            given.flag("pin", false),
            TracingMode.parseList(given.text("modes", "none,down,slow,up")));
    given.requireAllUsed();
    return o;
  }
}
