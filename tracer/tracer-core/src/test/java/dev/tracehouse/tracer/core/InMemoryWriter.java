package dev.tracehouse.tracer.core;

import java.util.ArrayList;
import java.util.List;

/** Collects chunks in memory instead of sending them; for tests. */
public final class InMemoryWriter implements TraceWriter {

  private final List<List<SpanData>> chunks = new ArrayList<>();

  /** A tracer for service {@code test} (env {@code test}, version {@code 1.0}) writing here. */
  public static CoreTracer tracer(InMemoryWriter writer) {
    return new CoreTracer(
        new TracerConfig("test", "test", "1.0", "localhost", 8126), writer, TimeSource.system());
  }

  @Override
  public synchronized void write(List<SpanData> chunk) {
    chunks.add(List.copyOf(chunk));
  }

  public synchronized List<List<SpanData>> chunks() {
    return List.copyOf(chunks);
  }

  /** All spans of all chunks, in arrival order. */
  public synchronized List<SpanData> spans() {
    return chunks.stream().flatMap(List::stream).toList();
  }

  @Override
  public void close() {}
}
