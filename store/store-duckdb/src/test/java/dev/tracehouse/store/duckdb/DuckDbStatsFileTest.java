package dev.tracehouse.store.duckdb;

import static dev.tracehouse.store.TestSpans.MS;
import static dev.tracehouse.store.TestSpans.T0;
import static dev.tracehouse.store.TestSpans.cafePair;
import static dev.tracehouse.store.TestStats.BUCKET;
import static dev.tracehouse.store.TestStats.CAFE_MAP;
import static dev.tracehouse.store.TestStats.CAFE_STATS;
import static dev.tracehouse.store.TestStats.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracehouse.model.ServiceMapBucket;
import dev.tracehouse.model.StatsBucket;
import dev.tracehouse.model.TraceId;
import dev.tracehouse.store.ServiceMapQuery;
import dev.tracehouse.store.StatsQuery;
import dev.tracehouse.store.StatsStore;
import dev.tracehouse.store.StoreException;
import dev.tracehouse.store.TraceQuery;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stats in the DuckDB file: durability across reopen, the schema, and writes beside spans. */
class DuckDbStatsFileTest {

  private static final StatsQuery ALL = StatsQuery.between(0, Long.MAX_VALUE);

  @TempDir Path dir;

  @Test
  void reopen_keepsStatsAndEdgesWrittenBeforeClose() {
    Path file = dir.resolve("durable.duckdb");
    try (DuckDbSpanStore store = DuckDbSpanStore.open(DuckDbOptions.at(file))) {
      StatsStore stats = store.stats().orElseThrow();
      stats.writer().write(List.of(CAFE_STATS));
      stats.writer().writeServiceMap(List.of(CAFE_MAP));
    }

    try (DuckDbSpanStore reopened = DuckDbSpanStore.open(DuckDbOptions.at(file))) {
      StatsStore stats = reopened.stats().orElseThrow();
      assertThat(stats.reader().buckets(ALL))
          .singleElement()
          .satisfies(
              b -> assertThat(b.groups()).containsExactlyInAnyOrderElementsOf(CAFE_STATS.groups()));
      assertThat(stats.reader().serviceMap(ServiceMapQuery.between(0, Long.MAX_VALUE)))
          .singleElement()
          .satisfies(
              b -> assertThat(b.edges()).containsExactlyInAnyOrderElementsOf(CAFE_MAP.edges()));
    }
  }

  @Test
  void schema_keepsSketchesAsBlobsAndOneRowPerGroup() throws Exception {
    Path file = dir.resolve("schema.duckdb");
    try (DuckDbSpanStore store = DuckDbSpanStore.open(DuckDbOptions.at(file))) {
      store.stats().orElseThrow().writer().write(List.of(CAFE_STATS, at(T0 + BUCKET, CAFE_STATS)));
    }

    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT count(*), any_value(typeof(ok_sketch)), sum(octet_length(ok_sketch))"
                    + " FROM stats_groups")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(2L * CAFE_STATS.groups().size());
      assertThat(rs.getString(2)).isEqualTo("BLOB");
      assertThat(rs.getLong(3))
          .isEqualTo(2L * CAFE_STATS.groups().stream().mapToInt(g -> g.okSketch().size()).sum());
    }
  }

  @Test
  void writes_ofStatsAndSpansRunSideBySideWithReads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    DuckDbOptions options =
        new DuckDbOptions(dir.resolve("mixed.duckdb"), Duration.ofMillis(5), 100_000);
    try (DuckDbSpanStore store = DuckDbSpanStore.open(options)) {
      StatsStore stats = store.stats().orElseThrow();
      Future<?> spans =
          pool.submit(
              () -> {
                for (int i = 1; i <= 100; i++) {
                  store.writer().write(cafePair(new TraceId(5, i), T0 + i * MS));
                }
              });
      Future<?> statsWrites =
          pool.submit(
              () -> {
                for (int i = 0; i < 40; i++) {
                  stats.writer().write(List.of(at(T0 + i * BUCKET, CAFE_STATS)));
                  stats.writer().writeServiceMap(List.of(at(T0 + i * BUCKET, CAFE_MAP)));
                }
              });
      Future<?> reads =
          pool.submit(
              () -> {
                for (int i = 0; i < 40; i++) {
                  for (StatsBucket bucket : stats.reader().buckets(ALL.withService("taster"))) {
                    assertThat(bucket.groups()).containsExactly(CAFE_STATS.groups().get(2));
                  }
                }
              });
      spans.get();
      statsWrites.get();
      reads.get();
      store.writer().flush();

      assertThat(store.reader().findTraces(TraceQuery.latest(1000))).hasSize(100);
      assertThat(stats.reader().buckets(ALL)).hasSize(40);
      List<Long> starts = new ArrayList<>();
      for (ServiceMapBucket b :
          stats.reader().serviceMap(ServiceMapQuery.between(0, Long.MAX_VALUE))) {
        starts.add(b.start());
      }
      assertThat(starts).hasSize(40).isSorted();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void write_failingHalfwayStoresNothing() {
    try (DuckDbSpanStore store = DuckDbSpanStore.open(DuckDbOptions.at(dir.resolve("tx.duckdb")))) {
      DuckDbStatsWriter writer = (DuckDbStatsWriter) store.stats().orElseThrow().writer();
      SQLException failure = new SQLException("disk on fire");

      assertThatThrownBy(
              () ->
                  writer.append(
                      "writing stats",
                      StatsTable.NAME,
                      appender -> {
                        for (int i = 0; i < 3000; i++) {
                          StatsTable.append(appender, T0, BUCKET, CAFE_STATS.groups().get(0), T0);
                        }
                        throw failure;
                      }))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("writing stats")
          .hasCause(failure);
      List<StatsBucket> stored = store.stats().orElseThrow().reader().buckets(ALL);
      assertThat(stored.stream().mapToInt(b -> b.groups().size()).sum()).isZero();
    }
  }
}
