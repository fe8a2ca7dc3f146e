package dev.tracehouse.query.analytics;

import dev.tracehouse.query.time.RollupIntervals;
import dev.tracehouse.query.time.TimeRange;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

/**
 * Time buckets ({@code spec/search-syntax.md} 4.4): {@code [k·I, (k+1)·I)} aligned to the epoch.
 * The automatic interval is the smallest of the spec's list giving at most 150 buckets; a given
 * interval may give at most 1500.
 */
final class Rollup {

  static final int AUTO_MAX_BUCKETS = 150;
  static final int MAX_BUCKETS = 1500;

  private static final List<Duration> AUTO = RollupIntervals.from(Duration.ofSeconds(1));

  private Rollup() {}

  /** How many buckets of {@code intervalMs} the window touches. */
  static long buckets(TimeRange window, long intervalMs) {
    if (window.toMs() == window.fromMs()) {
      return 0;
    }
    return Math.floorDiv(window.toMs() - 1, intervalMs)
        - Math.floorDiv(window.fromMs(), intervalMs)
        + 1;
  }

  /**
   * The automatic interval in ms.
   *
   * @throws IllegalArgumentException naming {@code filter} when even a week gives more than 1500
   */
  static long auto(TimeRange window) {
    for (Duration d : AUTO) {
      if (buckets(window, d.toMillis()) <= AUTO_MAX_BUCKETS) {
        return d.toMillis();
      }
    }
    long week = AUTO.get(AUTO.size() - 1).toMillis();
    check(window, week, "filter");
    return week;
  }

  /**
   * Checks a given interval.
   *
   * @throws IllegalArgumentException naming {@code where} when it gives more than 1500 buckets
   */
  static void check(TimeRange window, long intervalMs, String where) {
    long n = buckets(window, intervalMs);
    if (n > MAX_BUCKETS) {
      throw new IllegalArgumentException(
          where
              + ": an interval of "
              + intervalMs
              + " ms cuts the window into "
              + n
              + " buckets, more than "
              + MAX_BUCKETS);
    }
  }

  /** The start (ms) of every bucket the window touches. */
  static List<Long> times(TimeRange window, long intervalMs) {
    long first = Math.floorDiv(window.fromMs(), intervalMs) * intervalMs;
    long n = buckets(window, intervalMs);
    return LongStream.range(0, n).map(i -> first + i * intervalMs).boxed().toList();
  }
}
