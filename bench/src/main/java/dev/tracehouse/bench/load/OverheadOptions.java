package dev.tracehouse.bench.load;

import java.nio.file.Path;
import java.util.List;

/**
 * The cafe overhead harness's {@code key=value} arguments.
 *
 * @param home the repository root (where {@code demo/cafe/target/cafe.jar} is)
 * @param seconds measured load per run
 * @param warmup unmeasured load before each measurement
 * @param threads client threads, one request in flight each
 * @param rounds how many times every mode is run (the order rotates between rounds)
 * @param startups extra start-to-ready measurements per mode
 * @param slowSeconds how long the slow agent waits before it answers
 * @param modes the modes to compare, the first one being the baseline
 */
record OverheadOptions(
    Path home,
    int seconds,
    int warmup,
    int threads,
    int rounds,
    int startups,
    int slowSeconds,
    List<TracingMode> modes) {

  static OverheadOptions parse(String[] args) {
    KeyValueArgs given = new KeyValueArgs(args);
    OverheadOptions o =
        new OverheadOptions(
            Path.of(given.text("home", ".")).toAbsolutePath().normalize(),
            given.number("seconds", 60, 1, 600),
            given.number("warmup", 20, 0, 600),
            given.number("threads", 4, 1, 64),
            given.number("rounds", 2, 1, 20),
            given.number("startups", 5, 0, 50),
            given.number("slow", 10, 1, 120),
            TracingMode.parseList(given.text("modes", "none,down,slow,up")));
    given.requireAllUsed();
    return o;
  }
}
