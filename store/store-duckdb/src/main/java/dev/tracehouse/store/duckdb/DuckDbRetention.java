package dev.tracehouse.store.duckdb;

import dev.tracehouse.store.Retention;
import dev.tracehouse.store.StoreStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Enforces {@link Retention} on the writer thread's connection, going by each row's {@code
 * ingest_ns} (when the store accepted it, not the span's own start: replayed or clock-skewed spans
 * live their full age). Live window: spans not {@code indexed} accepted more than {@code
 * liveWindow} ago are deleted, unless an indexed span of their trace was accepted at most one live
 * window before them or any time after. Age: rows of every table accepted more than {@code maxAge}
 * ago are deleted. Bytes: while the store uses more than {@code maxBytes}, the oldest spans are
 * deleted in proportion to the excess, down to 90 % of the budget, then the oldest stats rows once
 * no spans are left; bytes are measured after a {@code CHECKPOINT} when the WAL is not empty (it
 * holds rows uncompressed). Every delete is followed by a {@code CHECKPOINT}, which hands emptied
 * blocks back to DuckDB's free list (the file keeps its size; new data reuses the blocks). "Bytes
 * used" = used blocks × block size + the WAL file, see README.md.
 */
final class DuckDbRetention {

  /** Deleting down to this share of the budget leaves room before the next run. */
  private static final double TARGET = 0.9;

  private static final int MAX_ROUNDS = 4;

  private static final String BYTES_USED =
      "SELECT used_blocks * block_size FROM pragma_database_size()"
          + " WHERE database_name = current_database()";
  private static final String SPAN_SUMMARY =
      "SELECT count(*), coalesce(min(start_ns), 0) FROM spans";
  private static final String SPAN_ROWS = "SELECT count(*) FROM spans";
  private static final String STATS_ROWS =
      "SELECT (SELECT count(*) FROM stats_groups) + (SELECT count(*) FROM service_edges)";

  /** Parameters: the live cutoff, and how far back an indexed span of the trace may be. */
  private static final String EXPIRE_UNINDEXED =
      "DELETE FROM spans WHERE ingest_ns < ? AND NOT indexed AND NOT EXISTS (SELECT 1 FROM spans i"
          + " WHERE i.indexed AND i.ingest_ns >= ? AND i.trace_low = spans.trace_low"
          + " AND i.trace_high = spans.trace_high)";

  private static final String OLDEST_SPANS = "SELECT quantile_disc(ingest_ns, ?) FROM spans";
  private static final String OLDEST_STATS =
      "SELECT quantile_disc(ingest_ns, ?) FROM (SELECT ingest_ns FROM stats_groups"
          + " UNION ALL SELECT ingest_ns FROM service_edges)";

  private final Retention limits;
  private final Path wal;
  private long spansDeleted;
  private long unindexedExpired;
  private long statsRowsDeleted;
  private long runs;

  /** For the store file {@code file}, whose write-ahead log is {@code file.wal}. */
  DuckDbRetention(Retention limits, Path file) {
    this.limits = limits;
    this.wal = file.resolveSibling(file.getFileName() + ".wal");
  }

  /**
   * Deletes what is too old, then the oldest data while over budget, and reports the result. Call
   * with no transaction open on {@code c} and no other connection reading or writing.
   */
  StoreStatus enforce(Connection c, long nowNs) throws SQLException {
    runs++;
    long cutoff = nowNs - nanos(limits.maxAge());
    long deleted =
        deleteSpans(c, "ingest_ns < ?", cutoff) + deleteStats(c, "ingest_ns < ?", cutoff);
    deleted += expireUnindexed(c, nowNs - nanos(limits.liveWindow()));
    if (deleted > 0) {
      checkpoint(c);
    }
    for (int round = 0; round < MAX_ROUNDS; round++) {
      long used = bytesUsed(c);
      if (used > limits.maxBytes() && walBytes() > 0) {
        checkpoint(c); // the WAL holds rows uncompressed: measure them compressed
        used = bytesUsed(c);
      }
      if (used <= limits.maxBytes() || !deleteOldest(c, 1 - TARGET * limits.maxBytes() / used)) {
        break;
      }
      checkpoint(c);
    }
    return status(c);
  }

  /** {@code d} in nanoseconds, saturated at {@code Long.MAX_VALUE / 2}. */
  private static long nanos(Duration d) {
    return d.compareTo(Duration.ofNanos(Long.MAX_VALUE / 2)) >= 0
        ? Long.MAX_VALUE / 2
        : d.toNanos();
  }

  /** Deletes the spans outside the live window that neither they nor their trace made indexed. */
  private long expireUnindexed(Connection c, long liveCutoff) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(EXPIRE_UNINDEXED)) {
      st.setLong(1, liveCutoff);
      st.setLong(2, liveCutoff - nanos(limits.liveWindow()));
      long n = st.executeLargeUpdate();
      unindexedExpired += n;
      return n;
    }
  }

  /** The current figures, without deleting anything. */
  StoreStatus status(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(SPAN_SUMMARY)) {
      rs.next();
      return new StoreStatus(
          bytesUsed(c),
          limits.maxBytes(),
          limits.maxAge(),
          rs.getLong(1),
          rs.getLong(2),
          spansDeleted,
          statsRowsDeleted,
          runs,
          unindexedExpired);
    }
  }

  /** Deletes about {@code fraction} of the oldest spans, or of the oldest stats rows if none. */
  private boolean deleteOldest(Connection c, double fraction) throws SQLException {
    if (count(c, SPAN_ROWS) > 0) {
      return deleteSpans(c, "ingest_ns <= ?", quantile(c, OLDEST_SPANS, fraction)) > 0;
    }
    if (count(c, STATS_ROWS) > 0) {
      return deleteStats(c, "ingest_ns <= ?", quantile(c, OLDEST_STATS, fraction)) > 0;
    }
    return false;
  }

  private long deleteSpans(Connection c, String where, long bound) throws SQLException {
    long n = delete(c, SpanTable.NAME, where, bound);
    spansDeleted += n;
    return n;
  }

  private long deleteStats(Connection c, String where, long bound) throws SQLException {
    long n = delete(c, StatsTable.NAME, where, bound) + delete(c, EdgeTable.NAME, where, bound);
    // Rollups (ADR 013) go with the rows they merge; they are not counted as stats rows.
    delete(c, RollupTable.NAME, where, bound);
    statsRowsDeleted += n;
    return n;
  }

  /** {@code table} and {@code where} are constants; the bound is a parameter. */
  private static long delete(Connection c, String table, String where, long bound)
      throws SQLException {
    try (PreparedStatement st = c.prepareStatement("DELETE FROM " + table + " WHERE " + where)) {
      st.setLong(1, bound);
      return st.executeLargeUpdate();
    }
  }

  private static long quantile(Connection c, String sql, double fraction) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      st.setDouble(1, Math.max(0, Math.min(1, fraction)));
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private long bytesUsed(Connection c) throws SQLException {
    return count(c, BYTES_USED) + walBytes();
  }

  private long walBytes() {
    try {
      return Files.size(wal);
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of " + wal, e);
    }
  }

  private static void checkpoint(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("CHECKPOINT");
    }
  }
}
