package dev.tracehouse.query.analytics;

import dev.tracehouse.store.AggregateRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks the top groups of one level: by the ordering measure, descending or ascending, groups
 * without a value (null) last, ties by the group's value ascending ({@code spec} 4.3).
 */
final class TopGroups {

  private TopGroups() {}

  static List<AggregateRow> select(
      List<AggregateRow> candidates, int measure, boolean descending, int limit) {
    Comparator<Double> byValue = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
    Comparator<AggregateRow> order =
        Comparator.comparing(
                (AggregateRow r) -> r.values().get(measure), Comparator.nullsLast(byValue))
            .thenComparing(r -> r.keys().get(r.depth() - 1));
    List<AggregateRow> sorted = new ArrayList<>(candidates);
    sorted.sort(order);
    return sorted.subList(0, Math.min(limit, sorted.size()));
  }
}
