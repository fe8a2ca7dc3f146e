package dev.tracehouse.store.duckdb;

import dev.tracehouse.store.Aggregate;
import dev.tracehouse.store.AggregateRow;
import dev.tracehouse.store.Aggregation;
import dev.tracehouse.store.SqlDialect;
import dev.tracehouse.store.SqlExpression;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The SQL of an {@link Aggregation}: one scan of the window, the group keys and the time bucket
 * computed per row in a subquery ({@code _k0 … _k3}, {@code _b}), then {@code GROUPING SETS} with
 * every prefix of the keys, with and without the bucket. {@code grouping(col)} tells which columns
 * a result row is grouped by; rows whose grouped keys include a NULL are dropped when read.
 */
final class AggregationSql {

  private final Aggregation<?> aggregation;
  private final List<String> columns = new ArrayList<>();

  private AggregationSql(Aggregation<?> aggregation) {
    this.aggregation = aggregation;
    for (int i = 0; i < aggregation.groupBy().size(); i++) {
      columns.add("_k" + i);
    }
    if (aggregation.bucketNs().isPresent()) {
      columns.add("_b");
    }
  }

  /**
   * Runs {@code aggregation} over {@code table} (a logical table name, a constant) whose event
   * start is {@code startColumn}, and reads its rows in {@link AggregateRow#ORDER}.
   */
  static List<AggregateRow> run(
      Connection c, Aggregation<?> aggregation, String table, String startColumn)
      throws SQLException {
    AggregationSql sql = new AggregationSql(aggregation);
    List<AggregateRow> rows =
        new ArrayList<>(sql.statement(table, startColumn).query(c, sql::read));
    rows.removeIf(Objects::isNull);
    rows.sort(AggregateRow.ORDER);
    return rows;
  }

  private SqlParams statement(String table, String startColumn) {
    SqlParams sql = new SqlParams().sql("SELECT ");
    for (String column : columns) {
      sql.sql("grouping(" + column + "), " + column + ", ");
    }
    List<? extends Aggregate<?>> aggregates = aggregation.aggregates();
    for (int i = 0; i < aggregates.size(); i++) {
      sql.sql(i == 0 ? "" : ", ");
      expression(sql, aggregates.get(i).toSql(SqlDialect.DUCKDB));
    }
    sql.sql(" FROM (SELECT *");
    for (int i = 0; i < aggregation.groupBy().size(); i++) {
      sql.sql(", ");
      expression(sql, aggregation.groupBy().get(i).toSql(SqlDialect.DUCKDB));
      sql.sql(" AS _k" + i);
    }
    if (aggregation.bucketNs().isPresent()) {
      long bucket = aggregation.bucketNs().getAsLong();
      sql.sql(", (" + startColumn + " // ?) * ? AS _b", bucket, bucket);
    }
    sql.sql(
            " FROM " + table + " WHERE " + startColumn + " >= ? AND " + startColumn + " < ? AND ",
            aggregation.fromNs(),
            aggregation.toNs())
        .filter(aggregation.filter())
        .sql(")");
    if (!columns.isEmpty()) {
      sql.sql(" GROUP BY GROUPING SETS (" + String.join(", ", groupingSets()) + ")");
    }
    return sql;
  }

  private List<String> groupingSets() {
    List<String> sets = new ArrayList<>();
    boolean bucketed = aggregation.bucketNs().isPresent();
    for (int depth = 0; depth <= aggregation.groupBy().size(); depth++) {
      List<String> keys = columns.subList(0, depth);
      sets.add("(" + String.join(", ", keys) + ")");
      if (bucketed) {
        List<String> withBucket = new ArrayList<>(keys);
        withBucket.add("_b");
        sets.add("(" + String.join(", ", withBucket) + ")");
      }
    }
    return sets;
  }

  private static void expression(SqlParams sql, SqlExpression expression) {
    sql.sql("(" + expression.sql() + ")", expression.params().toArray());
  }

  /** Reads one result row, or null when one of its grouped keys is NULL. */
  AggregateRow read(ResultSet rs) throws SQLException {
    int keyCount = aggregation.groupBy().size();
    List<String> keys = new ArrayList<>();
    int col = 1;
    for (int i = 0; i < keyCount; i++, col += 2) {
      if (rs.getInt(col) == 0) {
        String key = rs.getString(col + 1);
        if (key == null) {
          return null;
        }
        keys.add(key);
      }
    }
    OptionalLong bucket = OptionalLong.empty();
    if (aggregation.bucketNs().isPresent()) {
      if (rs.getInt(col) == 0) {
        bucket = OptionalLong.of(rs.getLong(col + 1));
      }
      col += 2;
    }
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < aggregation.aggregates().size(); i++, col++) {
      double value = rs.getDouble(col);
      values.add(rs.wasNull() ? null : value);
    }
    return new AggregateRow(keys, bucket, values);
  }
}
