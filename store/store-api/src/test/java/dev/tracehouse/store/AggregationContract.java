package dev.tracehouse.store;

import static dev.tracehouse.store.TestSpans.MS;
import static dev.tracehouse.store.TestSpans.T0;
import static dev.tracehouse.store.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link SpanReader#aggregate} does: the window, the filter, every prefix of the group
 * keys with and without epoch-aligned buckets, keyless events left out of deeper levels only, the
 * whole-window row always present, the row order, bound parameters, and the nearest-rank percentile
 * that DuckDB's {@code quantile_disc} must match. Keys and aggregates are {@link TestAggregates};
 * the analytics language is the query module's.
 */
public abstract class AggregationContract extends StoreContract {

  private static final EventFilter<Span> ALL = EventFilter.all();

  private void write(List<Span> spans) {
    store.writer().write(spans);
    store.writer().flush();
  }

  private List<AggregateRow> aggregate(
      EventFilter<Span> filter,
      long from,
      long to,
      List<GroupKey<Span>> keys,
      List<Aggregate<Span>> aggregates,
      OptionalLong bucket) {
    return store.reader().aggregate(new Aggregation<>(filter, from, to, keys, aggregates, bucket));
  }

  private static Span tagged(long id, String service, long start, long duration, String env) {
    Span s = span(TraceId.ofLow(id), id, 0, service, "op", start, duration);
    return env == null ? s : s.toBuilder().putMeta("env", env).build();
  }

  private static AggregateRow row(List<String> keys, Long bucket, Double... values) {
    return new AggregateRow(
        keys, bucket == null ? OptionalLong.empty() : OptionalLong.of(bucket), List.of(values));
  }

  @Test
  void aggregate_noKeysAlwaysAnswersTheWholeWindow() {
    List<AggregateRow> rows =
        aggregate(
            ALL, T0, T0 + MS, List.of(), List.of(TestAggregates.count()), OptionalLong.empty());

    assertThat(rows).containsExactly(row(List.of(), null, 0.0));
  }

  @Test
  void aggregate_windowIncludesFromExcludesToAndAppliesTheFilter() {
    write(
        List.of(
            tagged(1, "a", T0 - 1, MS, null),
            tagged(2, "a", T0, 2 * MS, null),
            tagged(3, "b", T0 + MS - 1, 3 * MS, null),
            tagged(4, "a", T0 + MS, 4 * MS, null)));

    List<AggregateRow> all =
        aggregate(
            ALL,
            T0,
            T0 + MS,
            List.of(),
            List.of(TestAggregates.count(), TestAggregates.maxDuration()),
            OptionalLong.empty());
    List<AggregateRow> onlyA =
        aggregate(
            TestFilter.spanService("a"),
            T0,
            T0 + MS,
            List.of(),
            List.of(TestAggregates.count(), TestAggregates.maxDuration()),
            OptionalLong.empty());

    assertThat(all).containsExactly(row(List.of(), null, 2.0, 3.0 * MS));
    assertThat(onlyA).containsExactly(row(List.of(), null, 1.0, 2.0 * MS));
  }

  @Test
  void aggregate_everyPrefixOfTheKeysAndKeylessEventsOnlyInShallowerLevels() {
    write(
        List.of(
            tagged(1, "a", T0, MS, "prod"),
            tagged(2, "a", T0, 2 * MS, "prod"),
            tagged(3, "a", T0, 3 * MS, null),
            tagged(4, "b", T0, 4 * MS, "dev")));

    List<AggregateRow> rows =
        aggregate(
            ALL,
            0,
            Long.MAX_VALUE,
            List.of(TestAggregates.service(), TestAggregates.meta("env")),
            List.of(TestAggregates.count(), TestAggregates.maxDuration()),
            OptionalLong.empty());

    assertThat(rows)
        .containsExactly(
            row(List.of(), null, 4.0, 4.0 * MS),
            row(List.of("a"), null, 3.0, 3.0 * MS),
            row(List.of("b"), null, 1.0, 4.0 * MS),
            row(List.of("a", "prod"), null, 2.0, 2.0 * MS),
            row(List.of("b", "dev"), null, 1.0, 4.0 * MS));
  }

  @Test
  void aggregate_bucketsAreEpochAlignedAtEveryDepth() {
    long bucket = 10 * MS;
    long base = T0 - T0 % bucket; // T0 is a multiple of 10 ms anyway
    write(
        List.of(
            tagged(1, "a", base + 3 * MS, MS, null),
            tagged(2, "a", base + 9 * MS, MS, null),
            tagged(3, "b", base + 10 * MS, MS, null),
            tagged(4, "a", base + 25 * MS, MS, null)));

    List<AggregateRow> rows =
        aggregate(
            ALL,
            base + 5 * MS,
            base + 30 * MS,
            List.of(TestAggregates.service()),
            List.of(TestAggregates.count()),
            OptionalLong.of(bucket));

    assertThat(rows)
        .containsExactly(
            row(List.of(), null, 3.0),
            row(List.of(), base, 1.0),
            row(List.of(), base + bucket, 1.0),
            row(List.of(), base + 2 * bucket, 1.0),
            row(List.of("a"), null, 2.0),
            row(List.of("a"), base, 1.0),
            row(List.of("a"), base + 2 * bucket, 1.0),
            row(List.of("b"), null, 1.0),
            row(List.of("b"), base + bucket, 1.0));
  }

  @Test
  void aggregate_keysAreBoundNotSpliced() {
    String hostile = "x' OR '1'='1'); DROP TABLE spans; --";
    write(
        List.of(
            tagged(1, "a", T0, MS, null).toBuilder().putMeta(hostile, hostile).build(),
            tagged(2, "b", T0, MS, null)));

    List<AggregateRow> rows =
        aggregate(
            ALL,
            0,
            Long.MAX_VALUE,
            List.of(TestAggregates.meta(hostile)),
            List.of(TestAggregates.count()),
            OptionalLong.empty());

    assertThat(rows).containsExactly(row(List.of(), null, 2.0), row(List.of(hostile), null, 1.0));
  }

  /** Groups of 1 to 150 spans with shuffled durations 1..n ms: the percentile of each. */
  @ParameterizedTest
  @ValueSource(ints = {50, 75, 90, 95, 98, 99})
  void aggregate_percentileIsTheNearestRank(int percent) {
    List<Span> spans = new ArrayList<>();
    Random random = new Random(percent);
    int maxN = 150;
    for (int n = 1; n <= maxN; n++) {
      List<Long> durations = new ArrayList<>();
      for (long d = 1; d <= n; d++) {
        durations.add(d * MS);
      }
      Collections.shuffle(durations, random);
      for (long d : durations) {
        spans.add(
            tagged(spans.size() + 1, "s", T0, d, null).toBuilder()
                .putMeta("n", Integer.toString(n))
                .build());
      }
    }
    write(spans);

    List<AggregateRow> rows =
        aggregate(
            ALL,
            0,
            Long.MAX_VALUE,
            List.of(TestAggregates.meta("n")),
            List.of(TestAggregates.durationPercentile(percent)),
            OptionalLong.empty());

    assertThat(rows).hasSize(maxN + 1);
    for (AggregateRow r : rows.subList(1, rows.size())) {
      long n = Long.parseLong(r.keys().get(0));
      long rank = (percent * n + 99) / 100;
      assertThat(r.values().get(0)).as("p%d of 1..%d", percent, n).isEqualTo(rank * (double) MS);
    }
  }

  @Test
  void aggregation_refusesTooManyBucketsAndKeys() {
    assertThatThrownBy(
            () ->
                new Aggregation<>(
                    ALL, 0, 1501, List.of(), List.of(TestAggregates.count()), OptionalLong.of(1)))
        .hasMessageStartingWith("bucketNs:");
    assertThatThrownBy(
            () ->
                new Aggregation<>(
                    ALL,
                    0,
                    1,
                    Collections.nCopies(5, TestAggregates.service()),
                    List.of(TestAggregates.count()),
                    OptionalLong.empty()))
        .hasMessageStartingWith("groupBy:");
  }
}
