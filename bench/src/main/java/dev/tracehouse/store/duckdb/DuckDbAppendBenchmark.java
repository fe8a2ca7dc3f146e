package dev.tracehouse.store.duckdb;

import dev.tracehouse.bench.spans.RealisticSpans;
import dev.tracehouse.model.Span;
import dev.tracehouse.store.SpanStore;
import dev.tracehouse.store.StoreConfig;
import dev.tracehouse.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * How many realistic spans per second does the DuckDB store make durable, with its default
 * settings? Each operation offers 100,000 spans ({@link RealisticSpans}: 20 services, 500
 * resources, 10 tags, random ids) in batches of 1,000, as the intake does, waiting whenever the
 * writer's queue is full, then waits for the commit: the score is the single writer thread's
 * sustained rate, commits included. Baseline: ~21–24k spans/s stored end to end before this
 * benchmark existed (docs/benchmarks.md); target: well above 100,000 spans/s (issue 3).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DuckDbAppendBenchmark {
  static final int SPANS_PER_OP = 100_000;
  static final int BATCH = 1000;
  static final int POOL_TRACES = 20_000;

  private Path dir;
  private SpanStore store;
  private List<Span> pool;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    pool = new RealisticSpans(42, 100_000).traces(POOL_TRACES);
    dir = Files.createTempDirectory("duckdb-bench");
    store = new DuckDbStoreProvider().create(new StoreConfig("duckdb", dir, Map.of()));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    store.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  @OperationsPerInvocation(SPANS_PER_OP)
  public void writeAndCommit() {
    for (int i = 0; i < SPANS_PER_OP; i += BATCH) {
      List<Span> batch = pool.subList(next, next + BATCH);
      next = (next + BATCH) % pool.size();
      while (!offered(batch)) {
        LockSupport.parkNanos(100_000);
      }
    }
    store.writer().flush();
  }

  private boolean offered(List<Span> batch) {
    try {
      store.writer().write(batch);
      return true;
    } catch (StoreException e) {
      if (e.isOverCapacity()) {
        return false;
      }
      throw e;
    }
  }
}
