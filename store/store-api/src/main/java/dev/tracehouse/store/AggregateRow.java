package dev.tracehouse.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One group of an {@link Aggregation}'s answer.
 *
 * @param keys the group's keys, one per level it is grouped by (empty for the whole window), none
 *     of them null
 * @param bucketNs the start of its time bucket, or empty for the whole window
 * @param values the aggregates in request order; an element is null when the group has no value
 */
public record AggregateRow(List<String> keys, OptionalLong bucketNs, List<Double> values) {

  /**
   * The order stores return rows in: shallower first, then by keys (string order, level by level),
   * then whole-window rows before their buckets, buckets by start.
   */
  public static final Comparator<AggregateRow> ORDER =
      Comparator.comparingInt(AggregateRow::depth)
          .thenComparing(AggregateRow::keys, AggregateRow::compareKeys)
          .thenComparing(r -> r.bucketNs().isPresent())
          .thenComparingLong(r -> r.bucketNs().orElse(Long.MIN_VALUE));

  public AggregateRow {
    keys = List.copyOf(keys);
    Objects.requireNonNull(bucketNs, "bucketNs");
    values = Collections.unmodifiableList(new ArrayList<>(values));
  }

  /** How many group keys this row is grouped by. */
  public int depth() {
    return keys.size();
  }

  private static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
