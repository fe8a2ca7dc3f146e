package dev.tracehouse.query.analytics;

import java.util.List;
import java.util.Map;

/**
 * The answer of an analytics request, ready to be written as JSON.
 *
 * @param from the window start (epoch ms, inclusive)
 * @param to the window end (epoch ms, exclusive)
 * @param interval the bucket width in ms when some compute is a time series, else null
 * @param times the start (epoch ms) of every bucket, empty without time series
 * @param total every compute over the whole window: {@code c0 → value} (a number or null, or for a
 *     time series a list of numbers/nulls aligned with {@code times})
 * @param groups the top groups of the first {@code group_by} level, in order, each with its own
 *     sub-groups
 */
public record AnalyticsResult(
    long from,
    long to,
    Long interval,
    List<Long> times,
    Map<String, Object> total,
    List<Group> groups) {

  /**
   * One group.
   *
   * @param facet the facet of its level
   * @param value the facet's value (or the {@code missing} value)
   * @param computes as {@link AnalyticsResult#total()}, over the group's events
   * @param groups its top groups of the next level, in order (empty at the last level)
   */
  public record Group(
      String facet, String value, Map<String, Object> computes, List<Group> groups) {}
}
