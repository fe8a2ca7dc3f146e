package dev.tracehouse.intake.datadog;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import java.util.List;
import java.util.Map;

/**
 * One msgpack span's decoded fields, held by {@link ChunkBuffer} until the chunk's 128-bit trace
 * ids are known. Mutable and reused from chunk to chunk; every field starts at the empty value.
 */
final class SpanFields {
  long traceIdLow;
  long spanId;
  long parentId;
  String service;
  String name;
  String resource;
  String type;
  long start;
  long duration;
  boolean error;
  Map<String, String> meta;
  Map<String, Double> metrics;

  /** The meta {@code _dd.p.tid} value, null when none. */
  String tid;

  /** Native span links and events as dd-trace-js JSON entries ({@link SpanExtras}). */
  List<Map<String, Object>> links;

  List<Map<String, Object>> events;

  SpanFields() {
    clear();
  }

  void clear() {
    traceIdLow = 0;
    spanId = 0;
    parentId = 0;
    service = "";
    name = "";
    resource = "";
    type = "";
    start = 0;
    duration = 0;
    error = false;
    meta = Map.of();
    metrics = Map.of();
    tid = null;
    links = List.of();
    events = List.of();
  }

  Span toSpan(TraceId traceId) {
    Span span =
        new Span(
            traceId, spanId, parentId, service, name, resource, type, start, duration, error, meta,
            metrics);
    return SpanExtras.merge(span, links, events);
  }
}
