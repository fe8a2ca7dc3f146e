package dev.tracehouse.store;

import java.util.List;
import java.util.Objects;

/**
 * A SQL expression over the rows of a logical table (see {@link EventFilter}) that is not a
 * condition: a group key or an aggregate of an {@link Aggregation}, with the values of its {@code
 * ?} placeholders in order.
 *
 * @param sql the expression, with one {@code ?} per parameter and no user text in it
 * @param params the parameters: {@code String}, {@code Long}, {@code Double} or {@code Boolean}
 */
public record SqlExpression(String sql, List<Object> params) {

  public SqlExpression {
    Objects.requireNonNull(sql, "sql");
    params = SqlCondition.checkedParams(params);
  }
}
