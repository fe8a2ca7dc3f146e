package dev.tracehouse.pipeline.sampling;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import java.util.List;

/** Small chunks for sampler tests: a root and one child of one service. */
final class TestChunks {
  static final String SERVICE = "cafe";
  static final String ENV = "workshop";

  private TestChunks() {}

  /** A root span builder with service, env and ids set from {@code traceLow}. */
  static Span.Builder root(long traceLow) {
    return Span.builder()
        .traceId(TraceId.ofLow(traceLow))
        .spanId(traceLow ^ 0x5555_5555_5555_5555L)
        .parentId(0)
        .service(SERVICE)
        .name("servlet.request")
        .resource("GET /order")
        .type("web")
        .putMeta("env", ENV);
  }

  /** A child of {@code root} in the same service. */
  static Span.Builder child(Span root) {
    return Span.builder()
        .traceId(root.traceId())
        .spanId(root.spanId() + 1)
        .parentId(root.spanId())
        .service(root.service())
        .name("sqlite.query")
        .resource("SELECT 1")
        .type("sql")
        .putMeta("env", ENV);
  }

  /** A root and one child, the root carrying {@code priority} (or none when null). */
  static List<Span> chunk(long traceLow, Integer priority) {
    Span.Builder b = root(traceLow);
    if (priority != null) {
      b.putMetric(Chunk.PRIORITY_KEY, priority);
    }
    Span root = b.build();
    return List.of(root, child(root).build());
  }

  /** The same, with the child in error. */
  static List<Span> errorChunk(long traceLow, Integer priority) {
    List<Span> ok = chunk(traceLow, priority);
    return List.of(
        ok.get(0),
        ok.get(1).toBuilder().error(true).putMeta("error.type", "java.io.IOException").build());
  }
}
