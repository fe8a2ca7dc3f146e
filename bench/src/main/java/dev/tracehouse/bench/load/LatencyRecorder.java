package dev.tracehouse.bench.load;

import java.util.Arrays;

/** Request latencies in nanoseconds, kept in full (one long per request) for exact percentiles. */
final class LatencyRecorder {
  private long[] values = new long[1024];
  private int count;

  void record(long nanos) {
    if (count == values.length) {
      values = Arrays.copyOf(values, count * 2);
    }
    values[count++] = nanos;
  }

  void addAll(LatencyRecorder other) {
    for (int i = 0; i < other.count; i++) {
      record(other.values[i]);
    }
  }

  int count() {
    return count;
  }

  /** p50, p90, p99 and max in milliseconds, or "none" without samples. */
  String summary() {
    if (count == 0) {
      return "none";
    }
    long[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    return String.format(
        "p50 %.1f  p90 %.1f  p99 %.1f  max %.1f",
        at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99), sorted[count - 1] / 1e6);
  }

  /** The nearest-rank percentile in milliseconds, or NaN without samples. */
  double millisAt(double quantile) {
    if (count == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    return at(sorted, quantile);
  }

  private static double at(long[] sorted, double quantile) {
    int i = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, i)] / 1e6;
  }
}
