package dev.tracehouse.store.duckdb;

import dev.tracehouse.model.ServiceMapBucket;
import dev.tracehouse.model.StatsBucket;
import dev.tracehouse.model.TraceId;
import dev.tracehouse.query.SearchFilters;
import dev.tracehouse.query.stats.ServiceSelection;
import dev.tracehouse.query.stats.ServiceStats;
import dev.tracehouse.query.stats.StatsConfig;
import dev.tracehouse.query.stats.StatsWindow;
import dev.tracehouse.store.ServiceMapQuery;
import dev.tracehouse.store.SpanStore;
import dev.tracehouse.store.StatsQuery;
import dev.tracehouse.store.StatsReader;
import dev.tracehouse.store.StoreConfig;
import dev.tracehouse.store.TraceSearch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Issue 4's acceptance 6: with 10 million realistic spans over 24 hours in DuckDB (and the stats
 * buckets the pipeline computes from them), how long do trace by id (target p99 ≤ 50 ms), a tag
 * search over 1 hour for the first 50 traces (≤ 300 ms), the service list over 1 hour (≤ 50 ms) and
 * a p95 time series of a service over 24 hours (≤ 500 ms) take, and how many bytes does a span take
 * on disk (≤ 60)? Baseline: the service statistics without rollups (every 10 s row read and merged,
 * as before ADR 013), measured on the same file. Each query runs warm, several times on different
 * windows after 10 warm-up calls; the report gives wall-clock p50/p99/max and the process CPU per
 * call (DuckDB works on its own threads). Run: {@code java -cp benchmarks.jar
 * dev.tracehouse.store.duckdb.ScaleBenchmark spans=10000000 dir=/tmp/tracehouse-scale} (reuses the
 * dataset in {@code dir} when its {@code dataset.txt} matches {@code spans}; {@code
 * regenerate=true} makes it anew; {@code stats=false} runs only the span queries).
 */
public final class ScaleBenchmark {

  private static final long MINUTE_MS = 60_000;
  private static final long HOUR_MS = 60 * MINUTE_MS;
  private static final int WARM_UP_CALLS = 10;

  private ScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> given = DuckDbStoreHarness.arguments(args);
    long spans = Long.parseLong(given.getOrDefault("spans", "10000000"));
    Path dir = Path.of(given.getOrDefault("dir", "target/scale"));
    boolean regenerate = Boolean.parseBoolean(given.getOrDefault("regenerate", "false"));
    boolean statsQueries = Boolean.parseBoolean(given.getOrDefault("stats", "true"));
    ScaleDataset.Meta meta =
        !regenerate
                && Files.exists(dir.resolve(ScaleDataset.META))
                && ScaleDataset.Meta.load(dir).spans() == spans
            ? ScaleDataset.Meta.load(dir)
            : ScaleDataset.generate(dir, spans);
    diskUsage(dir.resolve(ScaleDataset.FILE), meta.spans());
    long openCpu = ScaleDataset.processCpuNanos();
    long openStart = System.nanoTime();
    try (SpanStore store =
        new DuckDbStoreProvider()
            .create(
                new StoreConfig(
                    "duckdb", dir, Map.of("path", dir.resolve(ScaleDataset.FILE).toString())))) {
      System.out.printf(
          "store opened (schema migrations included) in %.1f s, %.1f s CPU%n",
          (System.nanoTime() - openStart) / 1e9, (ScaleDataset.processCpuNanos() - openCpu) / 1e9);
      spanQueries(store, meta);
      if (statsQueries) {
        statsQueries(store, meta);
      }
    }
  }

  private static void spanQueries(SpanStore store, ScaleDataset.Meta meta) {
    List<TraceId> ids = meta.sample();
    long firstHourMs = meta.fromNs() / 1_000_000 + HOUR_MS;
    measure(
        "trace by id (" + ids.size() + " sampled ids)",
        ids.size(),
        i -> store.reader().trace(ids.get(i)).orElseThrow());
    for (String query : List.of("http.status_code:500", "service:checkout http.method:POST")) {
      measure(
          "trace search '" + query + "' over 1 h, first 50",
          20,
          i -> {
            long from = (firstHourMs + i * 67 * MINUTE_MS) * 1_000_000;
            int found =
                store
                    .reader()
                    .searchTraces(
                        TraceSearch.of(SearchFilters.spans(query), from, from + HOUR_MS * 1_000_000)
                            .withLimit(50))
                    .traces()
                    .size();
            if (found == 0) {
              throw new IllegalStateException("no trace found for " + query);
            }
          });
    }
  }

  private static void statsQueries(SpanStore store, ScaleDataset.Meta meta) {
    long firstHourMs = meta.fromNs() / 1_000_000 + HOUR_MS;
    StatsReader rollups = store.stats().orElseThrow().reader();
    ServiceStats stats = new ServiceStats(rollups, StatsConfig.defaults());
    ServiceStats without = new ServiceStats(withoutRollups(rollups), StatsConfig.defaults());
    for (ServiceStats s : List.of(stats, without)) {
      String how = s == stats ? "rollups" : "no rollups (every 10 s row)";
      measure(
          "service list over 1 h, " + how,
          s == stats ? 40 : 5,
          i -> {
            long from = firstHourMs + i * 31 * MINUTE_MS + 17_321;
            if (s.services(StatsWindow.of(from, from + HOUR_MS)).isEmpty()) {
              throw new IllegalStateException("no service in the hour from " + from);
            }
          });
      StatsWindow day = StatsWindow.of(meta.fromNs() / 1_000_000, meta.toNs() / 1_000_000);
      List<String> services =
          stats.services(day).stream().map(dev.tracehouse.query.stats.Row::name).toList();
      measure(
          "p95 time series of one service over 24 h (auto interval), " + how,
          s == stats ? 20 : 3,
          i ->
              s.timeseries(
                      day, ServiceSelection.of(services.get(i % services.size())), Optional.empty())
                  .points()
                  .forEach(p -> p.measures().p95()));
    }
  }

  /** A reader that only reads stored rows: {@code entries} falls back to its default. */
  private static StatsReader withoutRollups(StatsReader reader) {
    return new StatsReader() {
      @Override
      public List<StatsBucket> buckets(StatsQuery query) {
        return reader.buckets(query);
      }

      @Override
      public List<ServiceMapBucket> serviceMap(ServiceMapQuery query) {
        return reader.serviceMap(query);
      }
    };
  }

  /**
   * Runs {@code call} with 0..runs-1 after {@value #WARM_UP_CALLS} warm-up calls (arguments from
   * runs-1 down, wrapping around), as a server that has been up a while is warm, and prints latency
   * and CPU figures.
   */
  private static void measure(String what, int runs, IntConsumer call) {
    for (int i = 0; i < WARM_UP_CALLS; i++) {
      call.accept(Math.floorMod(runs - 1 - i, runs));
    }
    double[] ms = new double[runs];
    long cpu0 = ScaleDataset.processCpuNanos();
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      call.accept(i);
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    double cpuMs = (ScaleDataset.processCpuNanos() - cpu0) / 1e6 / runs;
    Arrays.sort(ms);
    System.out.printf(
        "%-75s n=%3d p50 %8.1f ms  p99 %8.1f ms  max %8.1f ms  CPU %8.1f ms/call%n",
        what, runs, ms[runs / 2], ms[(int) Math.ceil(0.99 * runs) - 1], ms[runs - 1], cpuMs);
  }

  /**
   * File bytes per span, and each table's share: its blocks of 256 KiB, with the extra blocks a
   * ZSTD-compressed string segment spills into ({@code additional_block_ids}); what is left of the
   * file is metadata and free blocks.
   */
  private static void diskUsage(Path file, long spans) throws SQLException, java.io.IOException {
    long bytes = Files.size(file);
    System.out.printf(
        "file %,d bytes = %.1f bytes/span over %,d spans%n", bytes, (double) bytes / spans, spans);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      st.execute("ATTACH '" + file + "' AS src (READ_ONLY)");
      for (String table :
          List.of("spans", "stats_groups", "stats_rollups", "service_edges", "logs")) {
        try (ResultSet rs =
            st.executeQuery(
                "SELECT count(DISTINCT block_id) + sum(coalesce(len(additional_block_ids), 0)),"
                    + " (SELECT count(*) FROM src."
                    + table
                    + ") FROM pragma_storage_info('src."
                    + table
                    + "') WHERE block_id >= 0")) {
          rs.next();
          long tableBytes = rs.getLong(1) * 256 * 1024;
          System.out.printf(
              "  %-14s %,12d rows %,15d bytes = %6.1f bytes/span%n",
              table, rs.getLong(2), tableBytes, (double) tableBytes / spans);
        }
      }
    }
  }
}
