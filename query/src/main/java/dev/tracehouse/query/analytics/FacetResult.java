package dev.tracehouse.query.analytics;

import java.util.List;

/**
 * The facet panel's view of one field over a window: its most frequent values and, for a measure
 * with numeric values, its range and histogram.
 *
 * @param field the field as asked
 * @param from the window start (epoch ms)
 * @param to the window end (epoch ms, exclusive)
 * @param values the most frequent values, most frequent first, ties by value ascending
 * @param measure the range and histogram, or null when the field is not a measure or has no numeric
 *     value in the window
 */
public record FacetResult(String field, long from, long to, List<Value> values, Measure measure) {

  /** A value and how many spans have it. */
  public record Value(String value, long count) {}

  /** The smallest and largest value, and equal-width bins from one to the other. */
  public record Measure(double min, double max, List<Bin> histogram) {}

  /** Spans whose value is in {@code [from, to)} ({@code to} included for the last bin). */
  public record Bin(double from, double to, long count) {}
}
