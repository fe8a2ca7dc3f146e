package dev.tracehouse.store.duckdb;

import dev.tracehouse.store.EventFilter;
import dev.tracehouse.store.SqlCondition;
import dev.tracehouse.store.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A SQL statement assembled from fixed text and {@link SqlCondition}s, with its parameters in
 * order. No value is ever written into the text.
 */
final class SqlParams {

  private final StringBuilder sql = new StringBuilder();
  private final List<Object> params = new ArrayList<>();

  /** Appends fixed SQL text (never user input) and the values of its placeholders. */
  SqlParams sql(String text, Object... values) {
    sql.append(text);
    params.addAll(List.of(values));
    return this;
  }

  /** Appends {@code (condition)} of {@code filter} in the DuckDB dialect. */
  SqlParams filter(EventFilter<?> filter) {
    SqlCondition condition = filter.toSql(SqlDialect.DUCKDB);
    return sql("(" + condition.sql() + ")", condition.params().toArray());
  }

  /** Turns the current row of a result into a value. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** Runs the statement on {@code c} and reads every row of its result. */
  <T> List<T> query(Connection c, RowReader<T> reader) throws SQLException {
    try (PreparedStatement st = prepare(c);
        ResultSet rs = st.executeQuery()) {
      List<T> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(reader.read(rs));
      }
      return rows;
    }
  }

  /** Prepares the statement and binds every parameter by its type. */
  PreparedStatement prepare(Connection c) throws SQLException {
    PreparedStatement st = c.prepareStatement(sql.toString());
    try {
      for (int i = 0; i < params.size(); i++) {
        Object p = params.get(i);
        if (p instanceof String s) {
          st.setString(i + 1, s);
        } else if (p instanceof Long l) {
          st.setLong(i + 1, l);
        } else if (p instanceof Integer n) {
          st.setInt(i + 1, n);
        } else if (p instanceof Double d) {
          st.setDouble(i + 1, d);
        } else if (p instanceof Boolean b) {
          st.setBoolean(i + 1, b);
        } else {
          throw new IllegalArgumentException("unsupported SQL parameter type " + p.getClass());
        }
      }
      return st;
    } catch (SQLException | RuntimeException e) {
      st.close();
      throw e;
    }
  }
}
