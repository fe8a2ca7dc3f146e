package dev.tracehouse.query.analytics;

import dev.tracehouse.model.Span;
import dev.tracehouse.store.GroupKey;
import dev.tracehouse.store.SqlDialect;
import dev.tracehouse.store.SqlExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Groups spans by the histogram bin of a measure: {@code min(floor((v - min) / width), bins - 1)},
 * the same IEEE arithmetic in Java and SQL; spans without the measure join no bin.
 */
record BinKey(Field field, double min, double width, int bins) implements GroupKey<Span> {

  @Override
  public String of(Span span) {
    OptionalDouble n = field.number(span);
    if (n.isEmpty()) {
      return null;
    }
    return Long.toString((long) Math.min(Math.floor((n.getAsDouble() - min) / width), bins - 1));
  }

  @Override
  public SqlExpression toSql(SqlDialect dialect) {
    SqlExpression n = field.numberSql();
    List<Object> params = new ArrayList<>(n.params());
    params.add(min);
    params.add(width);
    params.add((double) (bins - 1));
    return new SqlExpression(
        "CAST(CAST(least(floor(((" + n.sql() + ") - ?) / ?), ?) AS BIGINT) AS VARCHAR)", params);
  }
}
