package dev.tracehouse.store.duckdb;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import dev.tracehouse.store.SpanStore;
import dev.tracehouse.store.StoreConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * How many spans per second can the DuckDB store make durable? Each operation writes a batch of
 * 1,000 spans (10 traces of 100, 6 meta and 2 metrics each) and waits for the commit. Baseline:
 * BUILDING-BLOCKS.md measured 2–4 µs per appended span with JSON tags (250,000–500,000 spans/s).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DuckDbAppendBenchmark {
  static final int BATCH = 1000;

  private Path dir;
  private SpanStore store;
  private long next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
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
  @OperationsPerInvocation(BATCH)
  public void writeAndCommit() {
    store.writer().write(batch());
    store.writer().flush();
  }

  private List<Span> batch() {
    List<Span> spans = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      long n = next++;
      spans.add(
          Span.builder()
              .traceId(new TraceId(0x6b0701ae00000000L, n / 100 + 1))
              .spanId(n + 1)
              .parentId(n % 100 == 0 ? 0 : n - n % 100 + 1)
              .service(n % 3 == 0 ? "taster" : "cafe")
              .name("http.request")
              .resource("GET /taste")
              .type("http")
              .start(1_795_621_294_907_897_916L + n * 1000)
              .duration(4_000_000 + n % 1000)
              .error(n % 50 == 0)
              .putMeta("env", "workshop")
              .putMeta("version", "1.2.3")
              .putMeta("component", "java-http-client")
              .putMeta("span.kind", "client")
              .putMeta("http.url", "http://127.0.0.1:5001/taste")
              .putMeta("http.status_code", "200")
              .putMetric("_sampling_priority_v1", 1)
              .putMetric("thread.id", 42)
              .build());
    }
    return spans;
  }
}
