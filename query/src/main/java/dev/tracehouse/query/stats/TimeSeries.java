package dev.tracehouse.query.stats;

import java.util.List;

/**
 * Measures per rollup bucket. Every bucket of the window is present: one without requests has zero
 * counts and null latencies.
 *
 * @param intervalMs bucket length, milliseconds
 * @param points one per bucket, oldest first
 */
public record TimeSeries(long intervalMs, List<Point> points) {

  public TimeSeries {
    points = List.copyOf(points);
  }

  /**
   * One bucket.
   *
   * @param time bucket start, milliseconds since the epoch
   * @param measures of the requests in the bucket ({@code requestsPerSecond} over its length)
   */
  public record Point(long time, Measures measures) {}
}
