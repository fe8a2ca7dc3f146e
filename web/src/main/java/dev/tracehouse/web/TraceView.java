package dev.tracehouse.web;

import dev.tracehouse.model.Span;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The body of {@code GET /api/traces/{traceId}}. */
record TraceView(String traceId, List<SpanView> spans) {

  /** {@code spans} is never empty. */
  static TraceView of(List<Span> spans) {
    return new TraceView(spans.get(0).traceId().toHex(), spans.stream().map(SpanView::of).toList());
  }

  /** One span; ids are unsigned decimal strings, tags sorted by key. */
  record SpanView(
      String traceId,
      String spanId,
      String parentId,
      String service,
      String name,
      String resource,
      String type,
      long start,
      long duration,
      boolean error,
      Map<String, String> meta,
      Map<String, Double> metrics) {

    static SpanView of(Span s) {
      return new SpanView(
          s.traceId().toHex(),
          Long.toUnsignedString(s.spanId()),
          Long.toUnsignedString(s.parentId()),
          s.service(),
          s.name(),
          s.resource(),
          s.type(),
          s.start(),
          s.duration(),
          s.error(),
          new TreeMap<>(s.meta()),
          new TreeMap<>(s.metrics()));
    }
  }
}
