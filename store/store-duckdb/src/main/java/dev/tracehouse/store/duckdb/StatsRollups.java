package dev.tracehouse.store.duckdb;

import static dev.tracehouse.store.duckdb.RollupLevel.HOUR;
import static dev.tracehouse.store.duckdb.RollupLevel.MINUTE;

import dev.tracehouse.model.EncodedSketch;
import dev.tracehouse.model.StatsBucket;
import dev.tracehouse.model.StatsGroup;
import dev.tracehouse.store.EntryStatsQuery.Detail;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Keeps {@code stats_rollups} up to date on the stats writer's thread (ADR 013). Every stats write
 * adds, in its own transaction, the 10 s per-operation rows of its groups and, for groups of a
 * period already compacted (late buckets), delta rows at that period's minute and hour. After the
 * write, {@link #compact} merges closed minutes from the 10 s stats rows and closed hours from the
 * minute rollups, at most one hour of periods per call, and moves the marks. Callers hold the
 * store's write lock; after a failed transaction call {@link #forget}.
 */
final class StatsRollups {

  private static final long MAX_SPAN_PER_COMPACTION = HOUR;

  private static final String RAW_ENTRIES =
      "SELECT bucket_start, env, service, name, resource, hits, errors, top_level_hits,"
          + " duration_sum, ok_sketch, error_sketch, ingest_ns FROM stats_groups"
          + " WHERE bucket_start >= ? AND bucket_start < ? AND top_level_hits > 0";

  private static final String MINUTE_ROWS =
      "SELECT "
          + RollupTable.COLUMNS
          + ", detail, ingest_ns FROM stats_rollups"
          + " WHERE resolution = ? AND bucket_start >= ? AND bucket_start < ?";

  private RollupMarks marks;
  private long newestStart = Long.MIN_VALUE;

  /**
   * The rollup rows to append with {@code buckets}, in the write's transaction (before its stats
   * rows are appended). Creates the marks of a file that has none.
   */
  List<RollupRow> rowsFor(Connection c, List<StatsBucket> buckets, long ingestNs)
      throws SQLException {
    if (buckets.isEmpty()) {
      return List.of();
    }
    if (marks == null) {
      Long newestStored = newestStoredStart(c);
      marks =
          RollupMarks.readOrCreate(
              c, newestStored, buckets.stream().mapToLong(StatsBucket::start).min().getAsLong());
      newestStart = newestStored == null ? Long.MIN_VALUE : newestStored;
    }
    EntryMerge merge = new EntryMerge();
    for (StatsBucket bucket : buckets) {
      List<RollupLevel> levels = new ArrayList<>();
      for (RollupLevel level : RollupLevel.values()) {
        if (marks.of(level).covers(level.periodOf(bucket.start()))) {
          levels.add(level);
        }
      }
      for (StatsGroup group : bucket.groups()) {
        merge.addGroup(levels, bucket.start(), group, ingestNs);
      }
    }
    return merge.rows();
  }

  /** Records that {@code buckets} were committed. */
  void written(List<StatsBucket> buckets) {
    for (StatsBucket bucket : buckets) {
      newestStart = Math.max(newestStart, bucket.start());
    }
  }

  /** Drops what is kept in memory; the next write reads it again. */
  void forget() {
    marks = null;
    newestStart = Long.MIN_VALUE;
  }

  /**
   * Compacts the minutes before the newest stored bucket's minute, then the hours whose minutes are
   * all compacted; each in its own transaction, at most one hour of periods per level.
   */
  void compact(Connection c) throws SQLException {
    if (marks == null || newestStart == Long.MIN_VALUE) {
      return;
    }
    long minuteFrom = marks.of(MINUTE);
    long minuteTo =
        Math.min(
            Math.floorDiv(newestStart, MINUTE) * MINUTE,
            saturatedAdd(minuteFrom, MAX_SPAN_PER_COMPACTION));
    if (minuteFrom < minuteTo) {
      EntryMerge merge = new EntryMerge();
      List<RollupLevel> levels = RollupLevel.at(MINUTE);
      try (PreparedStatement st = c.prepareStatement(RAW_ENTRIES)) {
        st.setLong(1, minuteFrom);
        st.setLong(2, minuteTo);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            merge.addGroup(levels, rs.getLong(1), rawEntry(rs), rs.getLong(12));
          }
        }
      }
      commit(c, merge, MINUTE, minuteTo);
    }
    long hourFrom = marks.of(HOUR);
    long hourTo =
        Math.min(Math.floorDiv(marks.of(MINUTE), HOUR) * HOUR, saturatedAdd(hourFrom, HOUR));
    if (hourFrom < hourTo) {
      EntryMerge merge = new EntryMerge();
      try (PreparedStatement st = c.prepareStatement(MINUTE_ROWS)) {
        st.setLong(1, MINUTE);
        st.setLong(2, hourFrom);
        st.setLong(3, hourTo);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            RollupLevel level = RollupLevel.of(HOUR, Detail.valueOf(rs.getString(12)));
            merge.addRollup(level, rs.getLong(1), RollupTable.read(rs), rs.getLong(13));
          }
        }
      }
      commit(c, merge, HOUR, hourTo);
    }
  }

  /** Appends the merged rows and moves the mark of {@code level}, in one transaction. */
  private void commit(Connection c, EntryMerge merge, long resolution, long mark)
      throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("BEGIN TRANSACTION");
      append(c, merge.rows());
      marks.advance(c, resolution, mark);
      st.execute("COMMIT");
    }
  }

  /** Appends {@code rows} to {@code stats_rollups} in the caller's transaction. */
  static void append(Connection c, List<RollupRow> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (DuckDBAppender appender =
        c.unwrap(DuckDBConnection.class)
            .createAppender(DuckDBConnection.DEFAULT_SCHEMA, RollupTable.NAME)) {
      for (RollupRow row : rows) {
        RollupTable.append(appender, row);
      }
    }
  }

  private static StatsGroup rawEntry(ResultSet rs) throws SQLException {
    return new StatsGroup(
        RollupTable.key(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
        rs.getDouble(6),
        rs.getDouble(7),
        rs.getDouble(8),
        rs.getDouble(9),
        new EncodedSketch(rs.getBytes(10)),
        new EncodedSketch(rs.getBytes(11)));
  }

  private static Long newestStoredStart(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT max(bucket_start) FROM stats_groups")) {
      rs.next();
      long max = rs.getLong(1);
      return rs.wasNull() ? null : max;
    }
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }
}
