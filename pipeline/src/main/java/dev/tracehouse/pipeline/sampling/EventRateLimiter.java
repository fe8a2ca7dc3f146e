package dev.tracehouse.pipeline.sampling;

/**
 * The max-events-per-second limit of analyzed spans: with {@code seen} the events of the last
 * complete second (or of the current one, when higher), an event passes with rate {@code maxEps /
 * seen} (1 when under the limit). The check hashes the span id, not the trace id, so it is
 * independent of the extraction check made on the trace id. Not thread-safe: owners synchronize.
 */
final class EventRateLimiter {
  private final double maxEps;
  private long second = Long.MIN_VALUE;
  private long currentCount;
  private long previousCount;

  EventRateLimiter(double maxEps) {
    this.maxEps = maxEps;
  }

  /** Counts one event at {@code epochMillis} and returns the rate it must pass. */
  double countAndRate(long epochMillis) {
    long now = Math.floorDiv(epochMillis, 1000);
    if (now > second) {
      previousCount = now == second + 1 ? currentCount : 0;
      currentCount = 0;
      second = now;
    }
    currentCount++;
    double seen = Math.max(previousCount, currentCount);
    return seen > maxEps ? maxEps / seen : 1;
  }

  /** Whether an event passes a rate, hashed on its span id. */
  static boolean keep(long spanId, double rate) {
    return RateCheck.keep(mix(spanId), rate);
  }

  /** The splitmix64 finalizer: decorrelates span ids from trace ids (Node makes them equal). */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
