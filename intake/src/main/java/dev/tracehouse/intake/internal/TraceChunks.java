package dev.tracehouse.intake.internal;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Not API. Groups spans of formats without chunks (OTLP, Zipkin) into one chunk per trace. */
public final class TraceChunks {
  private TraceChunks() {}

  /** One chunk per trace id, in order of each trace's first span; span order is kept. */
  public static List<List<Span>> byTraceId(List<Span> spans) {
    Map<TraceId, List<Span>> chunks = new LinkedHashMap<>();
    for (Span span : spans) {
      chunks.computeIfAbsent(span.traceId(), id -> new ArrayList<>()).add(span);
    }
    return new ArrayList<>(chunks.values());
  }
}
