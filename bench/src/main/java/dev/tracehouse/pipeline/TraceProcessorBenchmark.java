package dev.tracehouse.pipeline;

import dev.tracehouse.bench.payload.V04Payload;
import dev.tracehouse.intake.datadog.DatadogV04Decoder;
import dev.tracehouse.model.Span;
import dev.tracehouse.pipeline.sampling.SamplingConfig;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * How many realistic spans per second does one thread take through the agent pipeline ({@link
 * TraceProcessor#process}: normalise, obfuscate, top-level, stats, service map, sampling), and how
 * many bytes does it allocate per span? The input is what the intake hands over for the load
 * generator's payload: 100 decoded chunks of 10 dd-java-agent-shaped spans, each span with its own
 * {@code http.url} and {@code thread.id}. With {@code samplingPriority} 1 every chunk is kept (and
 * tagged with its ingestion reason); with 0 every chunk is dropped after the stats saw it, the
 * high-volume path. Baseline: the end-to-end profile in docs/benchmarks.md, where the pipeline took
 * about 60 % of the request threads' CPU.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TraceProcessorBenchmark {
  static final int CHUNKS = 100;
  static final int SPANS_PER_CHUNK = 10;

  @Param({"1", "0"})
  public int samplingPriority;

  private TraceProcessor processor;
  private TracePayload payload;

  @Setup
  public void setUp() {
    byte[] body = V04Payload.build(CHUNKS, SPANS_PER_CHUNK, true, samplingPriority).bytes();
    List<List<Span>> chunks = new DatadogV04Decoder().decodeChunks(ByteBuffer.wrap(body));
    payload = new TracePayload(TracePayload.Source.DATADOG, chunks, "java", false, false, 0);
    processor = new TraceProcessor(Clock.systemUTC(), SamplingConfig.defaults());
  }

  @Benchmark
  @OperationsPerInvocation(CHUNKS * SPANS_PER_CHUNK)
  public List<Span> process() {
    return processor.process(payload);
  }
}
