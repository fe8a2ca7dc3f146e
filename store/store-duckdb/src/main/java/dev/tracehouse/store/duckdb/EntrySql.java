package dev.tracehouse.store.duckdb;

import dev.tracehouse.store.StatsQuery;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one statement an entry-stats read runs: a {@code UNION ALL} of one {@code SELECT} per {@link
 * EntrySegments.Segment} (rollup rows of its level, or the 10 s stats rows with entry hits), with
 * only the env/service/resource conditions the query sets, so that DuckDB can push every condition
 * into its scans. Rows come sorted by bucket start and length with the columns bucket_start,
 * length, env, service, name, resource, hits, errors, top-level hits, duration sum, ok and error
 * sketches (a rollup row's requests are its hits and its top-level hits); every value is a
 * parameter.
 */
final class EntrySql {

  private static final String RAW =
      "SELECT bucket_start, bucket_duration AS length, env, service, name, resource, hits, errors,"
          + " top_level_hits, duration_sum, ok_sketch, error_sketch FROM stats_groups"
          + " WHERE bucket_start >= ? AND bucket_start < ? AND top_level_hits > 0";

  private static final String ROLLUP =
      "SELECT bucket_start, resolution AS length, env, service, name, resource, requests AS hits,"
          + " errors, requests AS top_level_hits, duration_sum, ok_sketch, error_sketch"
          + " FROM stats_rollups WHERE bucket_start >= ? AND bucket_start < ?"
          + " AND resolution = ? AND detail = ?";

  final String sql;
  private final List<Object> params;

  private EntrySql(String sql, List<Object> params) {
    this.sql = sql;
    this.params = params;
  }

  /** The statement reading {@code segments} (not empty) with the filters of {@code query}. */
  static EntrySql of(List<EntrySegments.Segment> segments, StatsQuery query) {
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("no segments to read");
    }
    StringBuilder sql = new StringBuilder("SELECT * FROM (");
    List<Object> params = new ArrayList<>();
    for (EntrySegments.Segment segment : segments) {
      if (!params.isEmpty()) {
        sql.append(" UNION ALL ");
      }
      RollupLevel level = segment.level();
      sql.append(level == null ? RAW : ROLLUP);
      params.add(segment.from());
      params.add(segment.to());
      if (level != null) {
        params.add(level.resolution);
        params.add(level.detail.name());
      }
      filter(sql, params, "env", query.env());
      filter(sql, params, "service", query.service());
      filter(sql, params, "resource", query.resource());
    }
    sql.append(") ORDER BY bucket_start, length");
    return new EntrySql(sql.toString(), params);
  }

  private static void filter(
      StringBuilder sql, List<Object> params, String column, Optional<String> value) {
    if (value.isPresent()) {
      sql.append(" AND ").append(column).append(" = ?");
      params.add(value.get());
    }
  }

  /** Binds the parameters to {@code st}, prepared from {@link #sql}. */
  void bind(PreparedStatement st) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      st.setObject(i + 1, params.get(i));
    }
  }
}
