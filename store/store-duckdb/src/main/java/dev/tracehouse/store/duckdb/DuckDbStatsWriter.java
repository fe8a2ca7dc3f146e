package dev.tracehouse.store.duckdb;

import dev.tracehouse.model.ServiceEdge;
import dev.tracehouse.model.ServiceMapBucket;
import dev.tracehouse.model.StatsBucket;
import dev.tracehouse.model.StatsGroup;
import dev.tracehouse.store.StatsWriter;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes stats and service-map buckets on the caller's thread (the stats flusher, every ten
 * seconds): one Appender and one transaction per call, so a call is stored whole or not at all.
 * Each call holds the write side of the store's commit lock.
 */
final class DuckDbStatsWriter implements StatsWriter {

  /** Appends the rows of one call. */
  @FunctionalInterface
  interface Rows {
    void appendTo(DuckDBAppender appender) throws SQLException;
  }

  private final LockedConnections connections;
  private final IngestClock clock;

  /**
   * Writes on {@code connections}, stamping rows with {@code clock}'s time as their ingest time.
   */
  DuckDbStatsWriter(LockedConnections connections, IngestClock clock) {
    this.connections = connections;
    this.clock = clock;
  }

  @Override
  public void write(List<StatsBucket> buckets) {
    checkNoNulls(buckets);
    long ingestNs = clock.nowNanos();
    append(
        "writing stats",
        StatsTable.NAME,
        appender -> {
          for (StatsBucket bucket : buckets) {
            for (StatsGroup group : bucket.groups()) {
              StatsTable.append(appender, bucket.start(), bucket.duration(), group, ingestNs);
            }
          }
        });
  }

  @Override
  public void writeServiceMap(List<ServiceMapBucket> buckets) {
    checkNoNulls(buckets);
    long ingestNs = clock.nowNanos();
    append(
        "writing service-map edges",
        EdgeTable.NAME,
        appender -> {
          for (ServiceMapBucket bucket : buckets) {
            for (ServiceEdge edge : bucket.edges()) {
              EdgeTable.append(appender, bucket.start(), bucket.duration(), edge, ingestNs);
            }
          }
        });
  }

  /**
   * Appends {@code rows} to {@code table} in one transaction. The explicit {@code BEGIN}: with JDBC
   * {@code setAutoCommit(false)} alone, DuckDB 1.4.4 commits Appender rows at once, because the
   * driver opens its transaction only at the next statement. On failure the connection is closed
   * without {@code COMMIT}, which rolls back.
   */
  void append(String what, String table, Rows rows) {
    connections.run(
        what,
        c -> {
          try (Statement st = c.createStatement()) {
            st.execute("BEGIN TRANSACTION");
            try (DuckDBAppender appender =
                c.unwrap(DuckDBConnection.class)
                    .createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
              rows.appendTo(appender);
            }
            st.execute("COMMIT");
          }
          return null;
        });
  }

  private static void checkNoNulls(List<?> buckets) {
    Objects.requireNonNull(buckets, "buckets");
    for (int i = 0; i < buckets.size(); i++) {
      Objects.requireNonNull(buckets.get(i), "buckets[" + i + "]");
    }
  }
}
