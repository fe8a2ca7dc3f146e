package dev.tracehouse.tracer.core;

import java.util.Map;

/** An immutable finished span, in the shape of a Datadog v0.4 span map. */
public record SpanData(
    long traceId,
    long spanId,
    long parentId,
    String name,
    String service,
    String resource,
    String type,
    long start,
    long duration,
    int error,
    Map<String, String> meta,
    Map<String, Double> metrics) {

  public SpanData {
    meta = Map.copyOf(meta);
    metrics = Map.copyOf(metrics);
  }
}
