package dev.tracehouse.bench.load;

/**
 * How long one run's cafe was loaded before its measurement.
 *
 * @param seconds the warm-up's length
 * @param jitMillisPerSecond the CPU its JIT compiler threads used per second in the last warm-up
 *     step, or NaN when the warm-up did not watch the JIT ({@code jitidle} not set)
 */
record Warmup(int seconds, double jitMillisPerSecond) {

  String describe() {
    return Double.isNaN(jitMillisPerSecond)
        ? String.format("warm-up %d s", seconds)
        : String.format("warm-up %d s (JIT %.0f ms/s at the end)", seconds, jitMillisPerSecond);
  }
}
