package dev.tracehouse.store;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An aggregation request: the events that start in {@code [fromNs, toNs)} and pass {@code filter},
 * grouped by every prefix of {@code groupBy} (none, the first key, the first two, …) and, when
 * {@code bucketNs} is present, also by time bucket; each group gets every aggregate.
 *
 * <p>Time buckets are {@code [k·bucketNs, (k+1)·bucketNs)}, aligned to the epoch; a bucket is named
 * by its start. An event whose key is null at some level is left out of that level and the deeper
 * ones, but still counts in the shallower ones. The whole-window row (no key, no bucket) is always
 * answered, even when no event matches; other groups exist only when some event falls in them.
 *
 * @param filter which events count
 * @param fromNs only events starting at or after this time (ns since the epoch, not negative)
 * @param toNs only events starting before this time
 * @param groupBy the nested group keys, 0 to {@link #MAX_GROUP_BY}
 * @param aggregates the values computed per group, at least one
 * @param bucketNs the width of the time buckets, when the request wants time series
 * @param <E> the event type
 */
public record Aggregation<E>(
    EventFilter<E> filter,
    long fromNs,
    long toNs,
    List<GroupKey<E>> groupBy,
    List<Aggregate<E>> aggregates,
    OptionalLong bucketNs) {

  /** The deepest nesting of group keys. */
  public static final int MAX_GROUP_BY = 4;

  /** The most time buckets a window may be cut into. */
  public static final long MAX_BUCKETS = 1500;

  public Aggregation {
    Objects.requireNonNull(filter, "filter");
    groupBy = List.copyOf(groupBy);
    aggregates = List.copyOf(aggregates);
    Objects.requireNonNull(bucketNs, "bucketNs");
    if (fromNs < 0 || fromNs > toNs) {
      throw new IllegalArgumentException(
          "window: need 0 <= from <= to, got from " + fromNs + ", to " + toNs);
    }
    if (groupBy.size() > MAX_GROUP_BY) {
      throw new IllegalArgumentException(
          "groupBy: at most " + MAX_GROUP_BY + " keys, got " + groupBy.size());
    }
    if (aggregates.isEmpty()) {
      throw new IllegalArgumentException("aggregates: at least one is needed");
    }
    if (bucketNs.isPresent()) {
      long bucket = bucketNs.getAsLong();
      if (bucket < 1) {
        throw new IllegalArgumentException("bucketNs: must be positive, got " + bucket);
      }
      if (toNs > fromNs && (toNs - 1) / bucket - fromNs / bucket + 1 > MAX_BUCKETS) {
        throw new IllegalArgumentException(
            "bucketNs: "
                + bucket
                + " ns cuts the window into more than "
                + MAX_BUCKETS
                + " buckets");
      }
    }
  }

  /** Whether the event starting at {@code startNs} is in the window. */
  public boolean inWindow(long startNs) {
    return startNs >= fromNs && startNs < toNs;
  }
}
