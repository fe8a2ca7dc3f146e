package dev.tracehouse.query.analytics;

import dev.tracehouse.model.Span;
import dev.tracehouse.store.Aggregate;
import dev.tracehouse.store.SqlDialect;
import dev.tracehouse.store.SqlExpression;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One function over the spans of a group, both as the exact in-memory reference and as DuckDB SQL.
 * Percentiles are the nearest rank {@code v[ceil(p·n/100)]} (1-based, integer arithmetic); DuckDB's
 * {@code quantile_disc} picks the same element ({@code AggregationContract} checks it for every n
 * up to 150). Spans lacking the measure are ignored by everything but {@code count}.
 *
 * @param statistic the function
 * @param field the measure (or, for {@code cardinality}, any field); empty for {@code count}
 */
record SpanAggregate(Statistic statistic, Optional<Field> field) implements Aggregate<Span> {

  static final SpanAggregate COUNT = new SpanAggregate(Statistic.COUNT, Optional.empty());

  @Override
  public Accumulator<Span> accumulator() {
    return switch (statistic) {
      case COUNT -> new Count();
      case CARDINALITY -> new Distinct(field.orElseThrow());
      default -> new Values(statistic, field.orElseThrow());
    };
  }

  @Override
  public SqlExpression toSql(SqlDialect dialect) {
    if (statistic == Statistic.COUNT) {
      return new SqlExpression("CAST(count(*) AS DOUBLE)", List.of());
    }
    SqlExpression e =
        statistic == Statistic.CARDINALITY ? field.get().textSql() : field.get().numberSql();
    String v = "(" + e.sql() + ")";
    String sql =
        switch (statistic) {
          case CARDINALITY -> "CAST(count(DISTINCT " + v + ") AS DOUBLE)";
          case SUM -> "CAST(coalesce(sum(" + v + "), 0) AS DOUBLE)";
          case MIN -> "min(" + v + ")";
          case MAX -> "max(" + v + ")";
          case AVG -> "avg(" + v + ")";
          default -> "quantile_disc(" + v + ", " + statistic.percent() / 100.0 + ")";
        };
    return new SqlExpression(sql, e.params());
  }

  private static final class Count implements Accumulator<Span> {
    private long count;

    @Override
    public void add(Span span) {
      count++;
    }

    @Override
    public Double result() {
      return (double) count;
    }
  }

  private static final class Distinct implements Accumulator<Span> {
    private final Field field;
    private final Set<String> seen = new HashSet<>();

    Distinct(Field field) {
      this.field = field;
    }

    @Override
    public void add(Span span) {
      String text = field.text(span);
      if (text != null) {
        seen.add(text);
      }
    }

    @Override
    public Double result() {
      return (double) seen.size();
    }
  }

  /** Keeps every value: exact for every function, which is what a reference is for. */
  private static final class Values implements Accumulator<Span> {
    private final Statistic statistic;
    private final Field field;
    private final List<Double> values = new ArrayList<>();

    Values(Statistic statistic, Field field) {
      this.statistic = statistic;
      this.field = field;
    }

    @Override
    public void add(Span span) {
      OptionalDouble n = field.number(span);
      if (n.isPresent()) {
        values.add(n.getAsDouble());
      }
    }

    @Override
    public Double result() {
      if (statistic == Statistic.SUM) {
        return values.stream().mapToDouble(Double::doubleValue).sum();
      }
      if (values.isEmpty()) {
        return null;
      }
      return switch (statistic) {
        case MIN -> values.stream().mapToDouble(Double::doubleValue).min().getAsDouble();
        case MAX -> values.stream().mapToDouble(Double::doubleValue).max().getAsDouble();
        case AVG -> values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
        default -> nearestRank(statistic.percent());
      };
    }

    private double nearestRank(int percent) {
      List<Double> sorted = new ArrayList<>(values);
      sorted.sort(null);
      long n = sorted.size();
      long rank = (percent * n + 99) / 100; // ceil(percent·n/100), 1-based
      return sorted.get((int) Math.max(rank, 1) - 1);
    }
  }
}
