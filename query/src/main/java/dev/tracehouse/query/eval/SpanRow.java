package dev.tracehouse.query.eval;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import dev.tracehouse.query.plan.Source;
import java.util.List;
import java.util.Optional;

/** A span's values: columns, computed status, meta and metrics by flat key, duration. */
public record SpanRow(Span span) implements Row {

  @Override
  public List<String> strings(Source source) {
    if (source instanceof Source.Column c) {
      String value =
          switch (c.column()) {
            case "service" -> span.service();
            case "name" -> span.name();
            case "resource" -> span.resource();
            case "type" -> span.type();
            default -> throw new IllegalArgumentException("not a span column: " + c.column());
          };
      return value.isEmpty() ? List.of() : List.of(value);
    }
    if (source instanceof Source.SpanStatus) {
      return List.of(span.error() ? "error" : "ok");
    }
    if (source instanceof Source.Meta m) {
      String value = span.meta().get(m.key());
      return value == null ? List.of() : List.of(value);
    }
    return List.of();
  }

  @Override
  public List<Double> numbers(Source source) {
    if (source instanceof Source.Metric m) {
      Double value = span.metrics().get(m.key());
      return value == null ? List.of() : List.of(value);
    }
    if (source instanceof Source.Duration) {
      return List.of((double) span.duration());
    }
    return List.of();
  }

  @Override
  public Optional<TraceId> traceId() {
    return Optional.of(span.traceId());
  }

  @Override
  public long spanId() {
    return span.spanId();
  }
}
