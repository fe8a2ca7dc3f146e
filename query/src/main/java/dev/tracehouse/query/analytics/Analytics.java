package dev.tracehouse.query.analytics;

import dev.tracehouse.model.Span;
import dev.tracehouse.store.AggregateRow;
import dev.tracehouse.store.Aggregation;
import dev.tracehouse.store.GroupKey;
import dev.tracehouse.store.SpanReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Runs an {@link AnalyticsRequest}: one store {@link Aggregation} (every compute and sort measure,
 * every prefix of the group-bys, with time buckets when asked), then the nested top-N in memory
 * ({@link TopGroups}) and the empty buckets filled (0 for count, cardinality and sum, else null).
 */
public final class Analytics {

  private Analytics() {}

  /**
   * The answer of {@code request} over the spans of {@code reader}.
   *
   * @throws dev.tracehouse.store.UnsupportedQueryException when the store cannot aggregate
   */
  public static AnalyticsResult run(AnalyticsRequest request, SpanReader reader) {
    List<SpanAggregate> aggregates = new ArrayList<>();
    request.computes().forEach(c -> add(aggregates, c.aggregate()));
    request.groupBy().forEach(g -> add(aggregates, g.sort()));
    List<GroupKey<Span>> keys =
        new ArrayList<>(request.groupBy().stream().map(GroupBy::key).toList());
    OptionalLong bucketNs =
        request.intervalMs().isPresent()
            ? OptionalLong.of(request.intervalMs().getAsLong() * 1_000_000)
            : OptionalLong.empty();
    Aggregation<Span> aggregation =
        new Aggregation<>(
            request.filter(),
            request.window().fromNs(),
            request.window().toNs(),
            keys,
            List.copyOf(aggregates),
            bucketNs);
    List<AggregateRow> rows = reader.aggregate(aggregation);
    return new Shaper(request, aggregates, rows).result();
  }

  private static void add(List<SpanAggregate> aggregates, SpanAggregate aggregate) {
    if (!aggregates.contains(aggregate)) {
      aggregates.add(aggregate);
    }
  }

  /** Turns the store's flat rows into the nested, ordered, bucket-filled answer. */
  private static final class Shaper {
    private final AnalyticsRequest request;
    private final List<SpanAggregate> aggregates;
    private final List<Long> times;
    private final Map<List<String>, AggregateRow> totals = new HashMap<>();
    private final Map<List<String>, Map<Long, AggregateRow>> buckets = new HashMap<>();
    private final Map<List<String>, List<AggregateRow>> children = new HashMap<>();

    Shaper(AnalyticsRequest request, List<SpanAggregate> aggregates, List<AggregateRow> rows) {
      this.request = request;
      this.aggregates = aggregates;
      this.times =
          request.intervalMs().isPresent()
              ? Rollup.times(request.window(), request.intervalMs().getAsLong())
              : List.of();
      for (AggregateRow row : rows) {
        if (row.bucketNs().isPresent()) {
          buckets
              .computeIfAbsent(row.keys(), k -> new HashMap<>())
              .put(row.bucketNs().getAsLong() / 1_000_000, row);
        } else {
          totals.put(row.keys(), row);
          if (row.depth() > 0) {
            children
                .computeIfAbsent(row.keys().subList(0, row.depth() - 1), k -> new ArrayList<>())
                .add(row);
          }
        }
      }
    }

    AnalyticsResult result() {
      return new AnalyticsResult(
          request.window().fromMs(),
          request.window().toMs(),
          request.intervalMs().isPresent() ? request.intervalMs().getAsLong() : null,
          times,
          computes(List.of()),
          groups(List.of()));
    }

    private List<AnalyticsResult.Group> groups(List<String> parent) {
      int depth = parent.size();
      if (depth == request.groupBy().size()) {
        return List.of();
      }
      GroupBy level = request.groupBy().get(depth);
      List<AggregateRow> top =
          TopGroups.select(
              children.getOrDefault(parent, List.of()),
              aggregates.indexOf(level.sort()),
              level.descending(),
              level.limit());
      List<AnalyticsResult.Group> groups = new ArrayList<>();
      for (AggregateRow row : top) {
        groups.add(
            new AnalyticsResult.Group(
                level.facet().name(),
                row.keys().get(depth),
                computes(row.keys()),
                groups(row.keys())));
      }
      return groups;
    }

    private Map<String, Object> computes(List<String> keys) {
      Map<String, Object> values = new LinkedHashMap<>();
      AggregateRow total = totals.get(keys);
      for (Compute c : request.computes()) {
        int index = aggregates.indexOf(c.aggregate());
        if (!c.timeseries()) {
          values.put(
              c.name(),
              total == null ? c.aggregate().statistic().emptyValue() : total.values().get(index));
          continue;
        }
        Map<Long, AggregateRow> series = buckets.getOrDefault(keys, Map.of());
        List<Double> points = new ArrayList<>();
        for (long t : times) {
          AggregateRow row = series.get(t);
          points.add(
              row == null ? c.aggregate().statistic().emptyValue() : row.values().get(index));
        }
        values.put(c.name(), points);
      }
      return values;
    }
  }
}
