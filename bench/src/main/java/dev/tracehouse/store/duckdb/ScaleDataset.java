package dev.tracehouse.store.duckdb;

import dev.tracehouse.bench.spans.RealisticSpans;
import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import dev.tracehouse.pipeline.stats.ServiceMapAggregator;
import dev.tracehouse.pipeline.stats.StatsConcentrator;
import dev.tracehouse.pipeline.toplevel.TopLevel;
import dev.tracehouse.store.SpanStore;
import dev.tracehouse.store.StatsWriter;
import dev.tracehouse.store.StoreConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The 10-million-span dataset of issue 4's acceptance 6, made through the real write paths: {@link
 * RealisticSpans} spread over 24 hours go through the DuckDB store's span writer (batches of 1,000,
 * as the intake hands them over), and every trace through the pipeline's {@link TopLevel#mark},
 * {@link StatsConcentrator} and {@link ServiceMapAggregator} on a clock that follows the spans'
 * time, whose closed buckets are written every simulated minute through the stats writer (rollups
 * and compaction included). Writes {@code dataset.txt} beside the store: the time range and a
 * sample of trace ids for the lookups.
 */
final class ScaleDataset {

  static final String FILE = "tracehouse.duckdb";
  static final String META = "dataset.txt";
  private static final int BATCH_TRACES = 100;
  private static final long MINUTE_NS = 60_000_000_000L;
  private static final int SAMPLE_EVERY = 5_000;

  /** What the benchmark needs to know about a dataset. */
  record Meta(long spans, long fromNs, long toNs, List<TraceId> sample) {

    void save(Path dir) throws IOException {
      List<String> lines = new ArrayList<>();
      lines.add(spans + " " + fromNs + " " + toNs);
      sample.forEach(id -> lines.add(id.high() + " " + id.low()));
      Files.write(dir.resolve(META), lines);
    }

    static Meta load(Path dir) throws IOException {
      List<String> lines = Files.readAllLines(dir.resolve(META));
      String[] head = lines.get(0).split(" ");
      List<TraceId> sample = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] parts = line.split(" ");
        sample.add(new TraceId(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
      }
      return new Meta(
          Long.parseLong(head[0]), Long.parseLong(head[1]), Long.parseLong(head[2]), sample);
    }
  }

  private ScaleDataset() {}

  /** Deletes any store in {@code dir} and generates {@code spans} spans over 24 hours into it. */
  static Meta generate(Path dir, long spans) throws IOException {
    Files.createDirectories(dir);
    Files.deleteIfExists(dir.resolve(FILE));
    Files.deleteIfExists(dir.resolve(FILE + ".wal"));
    RealisticSpans source = new RealisticSpans(11, Math.max(1, spans / 86_400));
    SimulatedClock clock = new SimulatedClock();
    List<TraceId> sample = new ArrayList<>();
    long from = Long.MAX_VALUE;
    long to = Long.MIN_VALUE;
    long cpu0 = processCpuNanos();
    long wall0 = System.nanoTime();
    try (SpanStore store =
        new DuckDbStoreProvider()
            .create(new StoreConfig("duckdb", dir, Map.of("path", dir.resolve(FILE).toString())))) {
      StatsWriter stats = store.stats().orElseThrow().writer();
      List<Span> first = source.traces(1);
      clock.set(first.get(0).start());
      StatsConcentrator concentrator = new StatsConcentrator(clock);
      ServiceMapAggregator map = new ServiceMapAggregator(clock);
      long nextFlush = first.get(0).start() + MINUTE_NS;
      List<Span> batch = new ArrayList<>(first);
      long done = 0;
      long traces = 0;
      while (done < spans) {
        if (batch.isEmpty()) {
          batch.addAll(source.traces(BATCH_TRACES));
        }
        for (int i = 0; i < batch.size(); i += RealisticSpans.SPANS_PER_TRACE) {
          List<Span> trace = batch.subList(i, i + RealisticSpans.SPANS_PER_TRACE);
          long end = 0;
          for (Span span : trace) {
            end = Math.max(end, span.start() + span.duration());
            from = Math.min(from, span.start());
            to = Math.max(to, span.start());
          }
          clock.set(end);
          List<Span> marked = TopLevel.mark(trace, false);
          concentrator.add(marked, false);
          map.add(marked);
          if (traces++ % SAMPLE_EVERY == 0) {
            sample.add(trace.get(0).traceId());
          }
        }
        while (!DuckDbStoreHarness.offered(store, batch)) {
          LockSupport.parkNanos(100_000);
        }
        done += batch.size();
        batch.clear();
        if (clock.instant().toEpochMilli() * 1_000_000 >= nextFlush) {
          stats.write(concentrator.flush(false));
          stats.writeServiceMap(map.flush(false));
          nextFlush += MINUTE_NS;
          if (done % 1_000_000 < BATCH_TRACES * RealisticSpans.SPANS_PER_TRACE) {
            System.out.printf("  %,d spans written%n", done);
          }
        }
      }
      stats.write(concentrator.flush(true));
      stats.writeServiceMap(map.flush(true));
      store.writer().flush();
    }
    System.out.printf(
        "generated %,d spans in %.0f s wall, %.2f µs of process CPU per span (generator, pipeline"
            + " stats and store together)%n",
        spans, (System.nanoTime() - wall0) / 1e9, (processCpuNanos() - cpu0) / 1e3 / spans);
    Meta meta = new Meta(spans, from, to + 1, sample);
    meta.save(dir);
    return meta;
  }

  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
