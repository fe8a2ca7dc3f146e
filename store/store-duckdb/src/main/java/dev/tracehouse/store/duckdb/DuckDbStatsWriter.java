package dev.tracehouse.store.duckdb;

import dev.tracehouse.model.ServiceEdge;
import dev.tracehouse.model.ServiceMapBucket;
import dev.tracehouse.model.StatsBucket;
import dev.tracehouse.model.StatsGroup;
import dev.tracehouse.store.StatsWriter;
import java.util.List;
import java.util.Objects;

/**
 * Writes stats and service-map buckets on the caller's thread (the stats flusher, every ten
 * seconds) through {@link TransactionalAppends}: a call is stored whole or not at all. Rows are
 * stamped with the {@link IngestClock}'s time, which retention by age goes by.
 */
final class DuckDbStatsWriter implements StatsWriter {

  private final TransactionalAppends appends;
  private final IngestClock clock;

  DuckDbStatsWriter(TransactionalAppends appends, IngestClock clock) {
    this.appends = appends;
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
