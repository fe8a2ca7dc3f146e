package dev.tracehouse.intake.datadog;

import dev.tracehouse.bench.payload.CapturedV04Payload;
import dev.tracehouse.bench.payload.V04Payload;
import dev.tracehouse.model.Span;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * string or tag map can be shared between spans: the pessimistic case. {@link
 * #decodeDdJavaAgentCapture} decodes dd-java-agent's captured payload ({@link CapturedV04Payload}:
 * 2 traces, 6 spans of 7-13 meta and 2-7 metrics, none repeating the tags of the span before)
 * repeated 100 times: real spans, with the distinct tags of real traffic.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DatadogDecodeBenchmark {
  static final int CHUNKS = 100;
  static final int SPANS_PER_CHUNK = 10;
  static final int CAPTURE_COPIES = 100;

  /** The spans of {@link #CAPTURE_COPIES} copies of the capture (checked at set-up). */
  static final int CAPTURE_SPANS = 600;

  private final DatadogV04Decoder decoder = new DatadogV04Decoder();
  private byte[] payload;
  private byte[] distinctPayload;
  private byte[] capturePayload;

  @Setup
  public void setUp() {
    payload = payload(CHUNKS, SPANS_PER_CHUNK, false);
    distinctPayload = payload(CHUNKS, SPANS_PER_CHUNK, true);
    CapturedV04Payload capture = CapturedV04Payload.repeat(CAPTURE_COPIES);
    if (capture.spans() != CAPTURE_SPANS) {
      throw new IllegalStateException(
          "the capture repeated holds " + capture.spans() + " spans, not " + CAPTURE_SPANS);
    }
    capturePayload = capture.bytes();
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

  @Benchmark
  @OperationsPerInvocation(CAPTURE_SPANS)
  public List<Span> decodeDdJavaAgentCapture() {
    return decoder.decode(ByteBuffer.wrap(capturePayload));
  }

  static byte[] payload(int chunks, int spansPerChunk, boolean distinct) {
    return V04Payload.build(chunks, spansPerChunk, distinct, 1).bytes();
  }
}
