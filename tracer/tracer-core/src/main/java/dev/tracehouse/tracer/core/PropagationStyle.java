package dev.tracehouse.tracer.core;

import java.util.Locale;
import java.util.Optional;

/**
 * A header format for passing the trace to another process ({@code DD_TRACE_PROPAGATION_STYLE}).
 */
public enum PropagationStyle {
  /** {@code x-datadog-trace-id}, {@code -parent-id}, {@code -sampling-priority}, {@code -tags}. */
  DATADOG,
  /** W3C {@code traceparent} and {@code tracestate} (with the {@code dd=} member). */
  TRACECONTEXT,
  /** {@code X-B3-TraceId}, {@code X-B3-SpanId}, {@code X-B3-Sampled}. */
  B3MULTI,
  /** The single {@code b3} header: {@code {traceId}-{spanId}-{sampled}}. */
  B3SINGLE;

  /**
   * The style with this configuration name, case-insensitive: {@code datadog}, {@code
   * tracecontext}, {@code b3multi}, {@code b3} / {@code b3single} / {@code b3 single header}.
   */
  public static Optional<PropagationStyle> named(String name) {
    if (name == null) {
      return Optional.empty();
    }
    switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "datadog":
        return Optional.of(DATADOG);
      case "tracecontext":
        return Optional.of(TRACECONTEXT);
      case "b3multi":
        return Optional.of(B3MULTI);
      case "b3":
      case "b3single":
      case "b3 single header":
        return Optional.of(B3SINGLE);
      default:
        return Optional.empty();
    }
  }
}
