package dev.tracehouse.intake.datadog;

import dev.tracehouse.model.Span;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * How many realistic v0.4 spans per second does one thread decode? Target (issue 3): 1.5 million
 * spans/s. Baseline: msgpack-core decoding into POJOs measured 0.3–1 million spans/s in
 * BUILDING-BLOCKS.md section 8. The payload is 100 chunks of 10 spans shaped like dd-java-agent's
 * (12 keys, 6 meta, 3 metrics, 128-bit trace ids on the chunk root). In {@link #decodeV04} the
 * spans of a chunk repeat their tag values, as spans from one thread of one service do; {@link
 * #decodeV04DistinctValues} gives every span its own {@code http.url} and {@code thread.id}, so no
 * string or tag map can be shared between spans: the pessimistic case.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DatadogDecodeBenchmark {
  static final int CHUNKS = 100;
  static final int SPANS_PER_CHUNK = 10;

  private final DatadogV04Decoder decoder = new DatadogV04Decoder();
  private byte[] payload;
  private byte[] distinctPayload;

  @Setup
  public void setUp() throws IOException {
    payload = payload(CHUNKS, SPANS_PER_CHUNK, false);
    distinctPayload = payload(CHUNKS, SPANS_PER_CHUNK, true);
  }

  @Benchmark
  @OperationsPerInvocation(CHUNKS * SPANS_PER_CHUNK)
  public List<Span> decodeV04() {
    return decoder.decode(ByteBuffer.wrap(payload));
  }

  @Benchmark
  @OperationsPerInvocation(CHUNKS * SPANS_PER_CHUNK)
  public List<Span> decodeV04DistinctValues() {
    return decoder.decode(ByteBuffer.wrap(distinctPayload));
  }

  static byte[] payload(int chunks, int spansPerChunk, boolean distinct) throws IOException {
    try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
      p.packArrayHeader(chunks);
      for (int c = 0; c < chunks; c++) {
        long traceId = 0x5cfc84fdbc4366a9L + c;
        p.packArrayHeader(spansPerChunk);
        for (int s = 0; s < spansPerChunk; s++) {
          boolean root = s == 0;
          p.packMapHeader(12);
          p.packString("service").packString(s % 2 == 0 ? "cafe" : "taster");
          p.packString("name").packString(root ? "web.request" : "http.request");
          p.packString("resource").packString("GET /pair/beer");
          p.packString("trace_id").packLong(traceId);
          p.packString("span_id").packLong(traceId * 31 + s + 1);
          p.packString("parent_id").packLong(root ? 0 : traceId * 31 + 1);
          p.packString("start").packLong(1_795_621_294_907_897_916L + s * 1000L);
          p.packString("duration").packLong(4_396_684L + s);
          p.packString("error").packInt(s == 7 ? 1 : 0);
          p.packString("type").packString(root ? "web" : "http");
          p.packString("meta").packMapHeader(root ? 6 : 5);
          p.packString("env").packString("workshop");
          p.packString("version").packString("1.2.3");
          p.packString("component").packString("java-http-client");
          p.packString("span.kind").packString(root ? "server" : "client");
          int n = c * spansPerChunk + s;
          p.packString("http.url")
              .packString("http://127.0.0.1:5001/taste" + (distinct ? "?order=" + n : ""));
          if (root) {
            p.packString("_dd.p.tid").packString("6b0701ae00000000");
          }
          p.packString("metrics").packMapHeader(3);
          p.packString("_sampling_priority_v1").packInt(1);
          p.packString("_dd.measured").packInt(1);
          p.packString("thread.id").packDouble(distinct ? 100 + n : 42);
        }
      }
      return p.toByteArray();
    }
  }
}
