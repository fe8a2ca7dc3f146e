package dev.tracehouse.store;

import java.util.List;
import java.util.Objects;

/**
 * A boolean SQL expression over one row of a logical table (see {@link EventFilter}) and the values
 * of its {@code ?} placeholders, in order. It never evaluates to NULL, so a store may negate or
 * combine it freely.
 *
 * @param sql the expression, with one {@code ?} per parameter and no user text in it
 * @param params the parameters: {@code String}, {@code Long}, {@code Double} or {@code Boolean}
 */
public record SqlCondition(String sql, List<Object> params) {

  /** The condition that holds for every row. */
  public static final SqlCondition TRUE = new SqlCondition("TRUE", List.of());

  public SqlCondition {
    Objects.requireNonNull(sql, "sql");
    params = checkedParams(params);
  }

  /** A copy of {@code params}, each checked to be a {@code String, Long, Double or Boolean}. */
  static List<Object> checkedParams(List<Object> params) {
    List<Object> copy = List.copyOf(params);
    for (int i = 0; i < copy.size(); i++) {
      Object p = copy.get(i);
      if (!(p instanceof String
          || p instanceof Long
          || p instanceof Double
          || p instanceof Boolean)) {
        throw new IllegalArgumentException(
            "params[" + i + "]: expected String, Long, Double or Boolean, got " + p.getClass());
      }
    }
    return copy;
  }
}
