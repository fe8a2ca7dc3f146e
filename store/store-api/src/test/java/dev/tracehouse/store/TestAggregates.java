package dev.tracehouse.store;

import dev.tracehouse.model.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Hand-written {@link GroupKey}s and {@link Aggregate}s for the {@link AggregationContract}: each
 * an in-memory form and the equivalent SQL over plain columns of the {@code spans} logical schema.
 */
final class TestAggregates {

  private TestAggregates() {}

  /** A key read in memory by {@code of} and in SQL by {@code sql} with {@code params}. */
  record Key(Function<Span, String> of, String sql, List<Object> params) implements GroupKey<Span> {
    @Override
    public String of(Span span) {
      return of.apply(span);
    }

    @Override
    public SqlExpression toSql(SqlDialect dialect) {
      return new SqlExpression(sql, params);
    }
  }

  static Key service() {
    return new Key(Span::service, "service", List.of());
  }

  /**
   * The meta tag {@code key} (absent → no group): its {@link SpanTagColumns} column when it has one
   * (a store may keep it only there), else the JSON with the key as a bound pointer.
   */
  static Key meta(String key) {
    return SpanTagColumns.of(key)
        .map(column -> new Key(s -> s.meta().get(key), column, List.of()))
        .orElseGet(
            () ->
                new Key(
                    s -> s.meta().get(key), "json_extract_string(meta, ?)", List.of("/" + key)));
  }

  static Aggregate<Span> count() {
    return new Aggregate<>() {
      @Override
      public Accumulator<Span> accumulator() {
        long[] n = {0};
        return TestAggregates.accumulatorOf(s -> n[0]++, () -> (double) n[0]);
      }

      @Override
      public SqlExpression toSql(SqlDialect dialect) {
        return new SqlExpression("CAST(count(*) AS DOUBLE)", List.of());
      }
    };
  }

  /** The largest duration, null for no span (never, since groups have spans). */
  static Aggregate<Span> maxDuration() {
    return new Aggregate<>() {
      @Override
      public Accumulator<Span> accumulator() {
        long[] max = {Long.MIN_VALUE};
        return TestAggregates.accumulatorOf(
            s -> max[0] = Math.max(max[0], s.duration()),
            () -> max[0] == Long.MIN_VALUE ? null : (double) max[0]);
      }

      @Override
      public SqlExpression toSql(SqlDialect dialect) {
        return new SqlExpression("CAST(max(duration_ns) AS DOUBLE)", List.of());
      }
    };
  }

  /**
   * The nearest-rank percentile of durations, {@code v[ceil(p·n/100)]}, against DuckDB's {@code
   * quantile_disc}.
   */
  static Aggregate<Span> durationPercentile(int percent) {
    return new Aggregate<>() {
      @Override
      public Accumulator<Span> accumulator() {
        List<Long> values = new ArrayList<>();
        return TestAggregates.accumulatorOf(
            s -> values.add(s.duration()),
            () -> {
              values.sort(null);
              int rank = (int) ((percent * (long) values.size() + 99) / 100);
              return (double) values.get(rank - 1);
            });
      }

      @Override
      public SqlExpression toSql(SqlDialect dialect) {
        return new SqlExpression(
            "CAST(quantile_disc(duration_ns, " + percent / 100.0 + ") AS DOUBLE)", List.of());
      }
    };
  }

  private static Aggregate.Accumulator<Span> accumulatorOf(
      java.util.function.Consumer<Span> add, java.util.function.Supplier<Double> result) {
    return new Aggregate.Accumulator<>() {
      @Override
      public void add(Span span) {
        add.accept(span);
      }

      @Override
      public Double result() {
        return result.get();
      }
    };
  }
}
