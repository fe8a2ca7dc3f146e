package dev.tracehouse.query.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The latency distribution of a selection over a window: the merged sketch's bins regrouped into
 * log-scale bins of equal ratio between the shortest and the longest duration, with the percentiles
 * as markers.
 *
 * @param bins ascending, contiguous; empty when there are no requests
 * @param measures the selection's measures (percentile markers, counts)
 */
public record LatencyHistogram(List<Bin> bins, Measures measures) {

  /** Most bins a histogram may ask for. */
  public static final int MAX_BINS = 200;

  public LatencyHistogram {
    bins = List.copyOf(bins);
  }

  /**
   * One bin: weighted requests whose duration (as the sketch represents it) is in {@code [from,
   * to)}, the last bin including {@code to}.
   *
   * @param from lower bound, nanoseconds (0 for the first bin when zero durations exist)
   * @param to upper bound, nanoseconds
   * @param count weighted requests
   * @param errors weighted error requests among them
   */
  public record Bin(double from, double to, double count, double errors) {}

  /** Up to {@code binCount} bins of {@code totals}' requests. */
  static List<Bin> bins(Totals totals, int binCount) {
    Distribution all = totals.latency();
    Double lowest = all.minPositive();
    if (all.isEmpty()) {
      return List.of();
    }
    if (lowest == null) {
      return List.of(new Bin(0, 0, all.total(), totals.errorLatency().total()));
    }
    double highest = all.max();
    int n = highest > lowest ? binCount : 1;
    double logSpan = Math.log(highest / lowest);
    double[] counts = new double[n];
    double[] errors = new double[n];
    all.forEach((value, weight) -> counts[slot(value, lowest, logSpan, n)] += weight);
    totals
        .errorLatency()
        .forEach((value, weight) -> errors[slot(value, lowest, logSpan, n)] += weight);
    boolean zeros = all.quantile(0) == 0;
    List<Bin> bins = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double from = i == 0 && zeros ? 0 : edge(lowest, highest, i, n);
      bins.add(new Bin(from, edge(lowest, highest, i + 1, n), counts[i], errors[i]));
    }
    return bins;
  }

  private static int slot(double value, double lowest, double logSpan, int n) {
    if (value <= lowest || logSpan <= 0) {
      return 0;
    }
    return Math.min(n - 1, (int) (n * Math.log(value / lowest) / logSpan));
  }

  private static double edge(double lowest, double highest, int i, int n) {
    return i == n ? highest : lowest * Math.pow(highest / lowest, (double) i / n);
  }
}
