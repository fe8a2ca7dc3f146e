package dev.tracehouse.tracer.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects chunks in memory instead of sending them; for tests. Reading them back goes through the
 * real encoder ({@link V04Encoder}) and a msgpack-core decoder.
 */
public final class InMemoryWriter implements TraceWriter {

  private final List<List<CoreSpan>> chunks = new ArrayList<>();

  /** A tracer for service {@code test} (env {@code test}, version {@code 1.0}) writing here. */
  public static CoreTracer tracer(InMemoryWriter writer) {
    return tracer(writer, TracerConfig.DEFAULT_STYLES, TracerConfig.DEFAULT_STYLES);
  }

  /** Like {@link #tracer(InMemoryWriter)} with the given propagation styles. */
  public static CoreTracer tracer(
      InMemoryWriter writer, List<PropagationStyle> inject, List<PropagationStyle> extract) {
    return new CoreTracer(
        new TracerConfig("test", "test", "1.0", "localhost", 8126, inject, extract),
        writer,
        TimeSource.system());
  }

  @Override
  public synchronized void write(List<CoreSpan> chunk) {
    chunks.add(List.copyOf(chunk));
  }

  /** The chunks as the tracer handed them over, before encoding. */
  synchronized List<List<CoreSpan>> writtenChunks() {
    return List.copyOf(chunks);
  }

  /** Every chunk, encoded and decoded again. */
  public synchronized List<List<SpanData>> chunks() {
    return SpanData.decode(encode(chunks));
  }

  /** The v0.4 body for {@code chunks}. */
  static byte[] encode(List<List<CoreSpan>> chunks) {
    MsgPackOutput out = new MsgPackOutput();
    V04Encoder.encode(chunks, out);
    return out.toByteArray();
  }

  /** All spans of all chunks, in arrival order. */
  public List<SpanData> spans() {
    return chunks().stream().flatMap(List::stream).toList();
  }

  @Override
  public void close() {}
}
