package dev.tracehouse.tracer.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What does the writer thread spend per span to encode a request body: msgpack v0.4 (every string
 * inline) against v0.5 (string table)? One batch of {@link #CHUNKS} cafe-like traces of {@link
 * #SPANS_PER_CHUNK} spans (a server span, a client span and SQL spans with repeated service, names,
 * tag keys and a few resources), encoded into a reused buffer, as {@code AgentWriter} does; times
 * are per span. The body size per span of each form is printed at set-up.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TraceEncoderBenchmark {
  static final int CHUNKS = 100;
  static final int SPANS_PER_CHUNK = 10;
  private static final int SPANS = CHUNKS * SPANS_PER_CHUNK;

  private final List<List<CoreSpan>> batch = new ArrayList<>();
  private final MsgPackOutput out = new MsgPackOutput();
  private final V05Encoder v05 = new V05Encoder();

  @Setup
  public void setUp() {
    CoreTracer tracer =
        new CoreTracer(
            new TracerConfig("cafe", "workshop", "1.2.3", "127.0.0.1", 8126),
            new TraceWriter() {
              @Override
              public void write(List<CoreSpan> chunk) {
                batch.add(chunk);
              }

              @Override
              public void close() {}
            },
            TimeSource.system());
    for (int i = 0; i < CHUNKS; i++) {
      cafeTrace(tracer, i);
    }
    out.reset();
    V04Encoder.encode(batch, out);
    int v04Bytes = out.size();
    out.reset();
    v05.encode(batch, out);
    System.out.printf(
        "%nbody bytes per span: v0.4 %.1f, v0.5 %.1f%n",
        (double) v04Bytes / SPANS, (double) out.size() / SPANS);
  }

  private static void cafeTrace(CoreTracer tracer, int n) {
    String beer = "beer-" + (n % 5);
    CoreSpan server = tracer.startActive("web.request", null);
    server
        .setResource("GET /beers/{name}")
        .setType("web")
        .setTag("span.kind", "server")
        .setTag("component", "jakarta-servlet")
        .setTag("http.method", "GET")
        .setTag("http.url", "http://cafe:8080/beers/" + beer)
        .setTag("http.status_code", "200");
    CoreSpan client = tracer.trace("http.request");
    client
        .setResource("GET /menu")
        .setType("http")
        .setTag("span.kind", "client")
        .setTag("component", "java-http-client")
        .setTag("http.url", "http://taster:8081/menu")
        .setTag("peer.hostname", "taster")
        .setTag("http.status_code", "200")
        .close();
    for (int q = 0; q < SPANS_PER_CHUNK - 2; q++) {
      tracer
          .trace("sql.query")
          .setResource("SELECT * FROM beers WHERE name = ?")
          .setType("sql")
          .setTag("span.kind", "client")
          .setTag("component", "java-jdbc-statement")
          .setTag("db.type", "duckdb")
          .setTag("db.instance", "cafe")
          .setTag("db.row_count", q)
          .close();
    }
    server.close();
  }

  @Benchmark
  @OperationsPerInvocation(SPANS)
  public int v04() {
    out.reset();
    V04Encoder.encode(batch, out);
    return out.size();
  }

  @Benchmark
  @OperationsPerInvocation(SPANS)
  public int v05() {
    out.reset();
    v05.encode(batch, out);
    return out.size();
  }
}
