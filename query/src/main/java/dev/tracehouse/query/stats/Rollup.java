package dev.tracehouse.query.stats;

import dev.tracehouse.query.time.RollupIntervals;
import java.time.Duration;
import java.util.List;

/**
 * Time-series buckets {@code [k·I, (k+1)·I)} aligned to the epoch in UTC ({@code
 * spec/search-syntax.md} section 4.4), covering a window; stats buckets (10 s) fall in the rollup
 * bucket holding their start.
 *
 * @param intervalMs I, milliseconds
 * @param firstMs start of the first bucket (at or before the window's start)
 * @param count number of buckets
 */
record Rollup(long intervalMs, long firstMs, int count) {

  /** Stats are stored in 10 s buckets: no finer interval makes sense. */
  static final Duration STATS_BUCKET = Duration.ofSeconds(10);

  static final int MAX_AUTO_POINTS = 150;
  static final int MAX_POINTS = 1500;

  /** The automatic intervals, smallest first: the spec's list from 10 s on. */
  static final List<Duration> AUTO = RollupIntervals.from(STATS_BUCKET);

  /** The smallest automatic interval giving at most {@value #MAX_AUTO_POINTS} buckets. */
  static Rollup auto(StatsWindow window) {
    Rollup rollup = null;
    for (Duration interval : AUTO) {
      rollup = over(window, interval.toMillis());
      if (rollup.count <= MAX_AUTO_POINTS) {
        break;
      }
    }
    return rollup;
  }

  /**
   * A requested interval.
   *
   * @throws IllegalArgumentException naming {@code interval} when it is not a multiple of 10 s or
   *     gives more than {@value #MAX_POINTS} buckets
   */
  static Rollup of(StatsWindow window, Duration interval) {
    if (interval.isNegative()
        || interval.isZero()
        || interval.toNanos() % STATS_BUCKET.toNanos() != 0) {
      throw new IllegalArgumentException(
          "interval: must be a multiple of 10s (the stats bucket), got "
              + interval.toMillis()
              + "ms");
    }
    Rollup rollup = over(window, interval.toMillis());
    if (rollup.count > MAX_POINTS) {
      throw new IllegalArgumentException(
          "interval: "
              + interval.toSeconds()
              + "s gives "
              + rollup.count
              + " points over the window, more than "
              + MAX_POINTS);
    }
    return rollup;
  }

  private static Rollup over(StatsWindow window, long intervalMs) {
    long first = Math.floorDiv(window.fromMs(), intervalMs) * intervalMs;
    long count = (window.toMs() - first + intervalMs - 1) / intervalMs;
    return new Rollup(intervalMs, first, (int) Math.min(count, Integer.MAX_VALUE));
  }

  /** The bucket holding {@code startNs}, or -1 outside the covered range. */
  int index(long startNs) {
    long offset = Math.floorDiv(startNs, 1_000_000L) - firstMs;
    long index = Math.floorDiv(offset, intervalMs);
    return index < 0 || index >= count ? -1 : (int) index;
  }

  /** Start of bucket {@code index}, milliseconds since the epoch. */
  long startMs(int index) {
    return firstMs + index * intervalMs;
  }
}
