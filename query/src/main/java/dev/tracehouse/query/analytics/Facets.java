package dev.tracehouse.query.analytics;

import dev.tracehouse.model.Span;
import dev.tracehouse.query.time.TimeRange;
import dev.tracehouse.store.AggregateRow;
import dev.tracehouse.store.Aggregation;
import dev.tracehouse.store.EventFilter;
import dev.tracehouse.store.GroupKey;
import dev.tracehouse.store.SpanReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The facets API: the top values of a field (one store aggregation counting per value) and, for a
 * measure, its min and max (a second) and a histogram of {@value #BINS} equal-width bins (a third).
 */
public final class Facets {

  static final int BINS = 10;
  static final int MAX_LIMIT = 1000;

  private Facets() {}

  /**
   * The facet view of {@code field}.
   *
   * @throws IllegalArgumentException naming {@code field} or {@code limit} when invalid
   */
  public static FacetResult run(
      SpanReader reader, EventFilter<Span> filter, TimeRange window, String field, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit: must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    Field f = Field.parse(field, "field");
    List<AggregateRow> counted =
        grouped(reader, filter, window, new FieldKey(f, Optional.empty()), SpanAggregate.COUNT);
    List<FacetResult.Value> values = new ArrayList<>();
    for (AggregateRow row : TopGroups.select(counted, 0, true, limit)) {
      values.add(new FacetResult.Value(row.keys().get(0), row.values().get(0).longValue()));
    }
    FacetResult.Measure measure = f.measure() ? measure(reader, filter, window, f) : null;
    return new FacetResult(field, window.fromMs(), window.toMs(), values, measure);
  }

  private static FacetResult.Measure measure(
      SpanReader reader, EventFilter<Span> filter, TimeRange window, Field field) {
    SpanAggregate min = new SpanAggregate(Statistic.MIN, Optional.of(field));
    SpanAggregate max = new SpanAggregate(Statistic.MAX, Optional.of(field));
    AggregateRow range =
        reader
            .aggregate(
                new Aggregation<>(
                    filter,
                    window.fromNs(),
                    window.toNs(),
                    List.of(),
                    List.of(min, max),
                    OptionalLong.empty()))
            .get(0);
    Double low = range.values().get(0);
    Double high = range.values().get(1);
    if (low == null) {
      return null;
    }
    int bins = high > low ? BINS : 1;
    double width = high > low ? (high - low) / BINS : 1;
    Map<String, Long> counts = new HashMap<>();
    for (AggregateRow row :
        grouped(reader, filter, window, new BinKey(field, low, width, bins), SpanAggregate.COUNT)) {
      counts.put(row.keys().get(0), row.values().get(0).longValue());
    }
    List<FacetResult.Bin> histogram = new ArrayList<>();
    for (int i = 0; i < bins; i++) {
      double to = i == bins - 1 ? high : low + (i + 1) * width;
      histogram.add(
          new FacetResult.Bin(low + i * width, to, counts.getOrDefault(Integer.toString(i), 0L)));
    }
    return new FacetResult.Measure(low, high, histogram);
  }

  /** The depth-1 rows of one grouping. */
  private static List<AggregateRow> grouped(
      SpanReader reader,
      EventFilter<Span> filter,
      TimeRange window,
      GroupKey<Span> key,
      SpanAggregate aggregate) {
    return reader
        .aggregate(
            new Aggregation<>(
                filter,
                window.fromNs(),
                window.toNs(),
                List.of(key),
                List.of(aggregate),
                OptionalLong.empty()))
        .stream()
        .filter(r -> r.depth() == 1)
        .toList();
  }
}
