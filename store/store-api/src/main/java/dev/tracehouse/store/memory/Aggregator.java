package dev.tracehouse.store.memory;

import dev.tracehouse.store.Aggregate;
import dev.tracehouse.store.AggregateRow;
import dev.tracehouse.store.Aggregation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.ToLongFunction;

/** Runs an {@link Aggregation} over events in memory, with the aggregates' accumulators. */
final class Aggregator<E> {

  /** A group: its keys and its bucket (empty for the whole window). */
  private record Group(List<String> keys, OptionalLong bucket) {}

  private final Aggregation<E> aggregation;
  private final Map<Group, List<Aggregate.Accumulator<E>>> groups = new HashMap<>();

  private Aggregator(Aggregation<E> aggregation) {
    this.aggregation = aggregation;
    groups.put(new Group(List.of(), OptionalLong.empty()), accumulators()); // always answered
  }

  /** The rows of {@code aggregation} over {@code events}, in {@link AggregateRow#ORDER}. */
  static <E> List<AggregateRow> run(
      Iterable<E> events, Aggregation<E> aggregation, ToLongFunction<E> startNs) {
    Aggregator<E> aggregator = new Aggregator<>(aggregation);
    for (E event : events) {
      long start = startNs.applyAsLong(event);
      if (aggregation.inWindow(start) && aggregation.filter().test(event)) {
        aggregator.add(event, start);
      }
    }
    return aggregator.rows();
  }

  private void add(E event, long start) {
    OptionalLong bucket = aggregation.bucketNs();
    OptionalLong eventBucket =
        bucket.isPresent()
            ? OptionalLong.of(Math.floorDiv(start, bucket.getAsLong()) * bucket.getAsLong())
            : OptionalLong.empty();
    List<String> keys = new ArrayList<>();
    for (int depth = 0; ; depth++) {
      List<String> prefix = List.copyOf(keys);
      addTo(new Group(prefix, OptionalLong.empty()), event);
      if (eventBucket.isPresent()) {
        addTo(new Group(prefix, eventBucket), event);
      }
      if (depth == aggregation.groupBy().size()) {
        return;
      }
      String key = aggregation.groupBy().get(depth).of(event);
      if (key == null) {
        return;
      }
      keys.add(key);
    }
  }

  private void addTo(Group group, E event) {
    groups.computeIfAbsent(group, g -> accumulators()).forEach(a -> a.add(event));
  }

  private List<Aggregate.Accumulator<E>> accumulators() {
    return aggregation.aggregates().stream().map(Aggregate::accumulator).toList();
  }

  private List<AggregateRow> rows() {
    List<AggregateRow> rows = new ArrayList<>();
    groups.forEach(
        (group, accumulators) -> {
          List<Double> values = new ArrayList<>();
          accumulators.forEach(a -> values.add(a.result()));
          rows.add(new AggregateRow(group.keys(), group.bucket(), values));
        });
    rows.sort(AggregateRow.ORDER);
    return rows;
  }
}
