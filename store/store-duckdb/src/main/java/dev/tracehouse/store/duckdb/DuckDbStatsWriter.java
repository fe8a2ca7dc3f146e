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
 * seconds) in one transaction per call: a call is stored whole or not at all, its {@link
 * StatsRollups} rows included; closed minutes and hours are compacted after it. Rows are stamped
 * with the {@link IngestClock}'s time, which retention by age goes by.
 */
final class DuckDbStatsWriter implements StatsWriter {

  private final TransactionalAppends appends;
  private final IngestClock clock;
  private final StatsRollups rollups = new StatsRollups();

  DuckDbStatsWriter(TransactionalAppends appends, IngestClock clock) {
    this.appends = appends;
    this.clock = clock;
  }

  @Override
  public void write(List<StatsBucket> buckets) {
    checkNoNulls(buckets);
    long ingestNs = clock.nowNanos();
    appends.run(
        "writing stats",
        c -> {
          try {
            try (Statement st = c.createStatement()) {
              st.execute("BEGIN TRANSACTION");
              List<RollupRow> rollupRows = rollups.rowsFor(c, buckets, ingestNs);
              try (DuckDBAppender appender =
                  c.unwrap(DuckDBConnection.class)
                      .createAppender(DuckDBConnection.DEFAULT_SCHEMA, StatsTable.NAME)) {
                for (StatsBucket bucket : buckets) {
                  for (StatsGroup group : bucket.groups()) {
                    StatsTable.append(appender, bucket.start(), bucket.duration(), group, ingestNs);
                  }
                }
              }
              StatsRollups.append(c, rollupRows);
              st.execute("COMMIT");
            }
            rollups.written(buckets);
            rollups.compact(c);
          } catch (SQLException | RuntimeException e) {
            rollups.forget();
            throw e;
          }
          return null;
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

  /** Appends {@code rows} to {@code table} in one transaction: stored whole or not at all. */
  void append(String what, String table, TransactionalAppends.Rows rows) {
    appends.append(what, table, rows);
  }

  private static void checkNoNulls(List<?> buckets) {
    Objects.requireNonNull(buckets, "buckets");
    for (int i = 0; i < buckets.size(); i++) {
      Objects.requireNonNull(buckets.get(i), "buckets[" + i + "]");
    }
  }
}
