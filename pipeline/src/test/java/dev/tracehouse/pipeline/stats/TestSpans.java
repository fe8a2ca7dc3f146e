package dev.tracehouse.pipeline.stats;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;

/** Span builders for stats tests; top-level and measured markers are set by hand. */
final class TestSpans {
  static final long SECOND = 1_000_000_000L;

  /** A bucket start: 2026-01-01T00:00:00Z. */
  static final long T0 = 1_767_225_600L * SECOND;

  private TestSpans() {}

  static Span.Builder span(long trace, long id, long parent, String service, String resource) {
    return Span.builder()
        .traceId(TraceId.ofLow(trace))
        .spanId(id)
        .parentId(parent)
        .service(service)
        .name(service + ".op")
        .resource(resource)
        .putMeta("env", "prod")
        .putMeta("version", "1.0");
  }

  /** A top-level span ending at {@code end} after {@code duration} ns. */
  static Span.Builder topLevel(long trace, long id, long parent, String service, String resource) {
    return span(trace, id, parent, service, resource).putMetric("_top_level", 1);
  }

  static Span.Builder endingAt(Span.Builder span, long end, long duration) {
    return span.start(end - duration).duration(duration);
  }
}
