package dev.tracehouse.tracer.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The configured propagation styles ({@code DD_TRACE_PROPAGATION_STYLE[_INJECT|_EXTRACT]}):
 * injection writes the headers of every inject style; extraction tries the extract styles in order
 * and the first that yields a valid context wins. Never throws.
 */
public final class Propagation {

  private final List<PropagationStyle> injectStyles;
  private final List<PropagationStyle> extractStyles;

  public Propagation(List<PropagationStyle> injectStyles, List<PropagationStyle> extractStyles) {
    this.injectStyles = List.copyOf(injectStyles);
    this.extractStyles = List.copyOf(extractStyles);
  }

  /** The headers, in style order, that make {@code span} the parent of the receiver's span. */
  public Map<String, String> inject(CoreSpan span) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (PropagationStyle style : injectStyles) {
      switch (style) {
        case DATADOG:
          headers.putAll(DatadogPropagator.inject(span));
          break;
        case TRACECONTEXT:
          TraceContextPropagator.inject(span, headers);
          break;
        case B3MULTI:
          B3Propagator.injectMulti(span, headers);
          break;
        case B3SINGLE:
          B3Propagator.injectSingle(span, headers);
          break;
      }
    }
    return headers;
  }

  /** Extracts from headers whose names may be in any case. */
  public Optional<SpanContext> extract(Map<String, String> headers) {
    Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) {
      headers.forEach(
          (name, value) -> {
            if (name != null) {
              byName.put(name, value);
            }
          });
    }
    return extract(byName::get);
  }

  /** Extracts through a lookup that is already case-insensitive (as servlet requests are). */
  public Optional<SpanContext> extract(Function<String, String> header) {
    for (PropagationStyle style : extractStyles) {
      Optional<SpanContext> context = extract(style, header);
      if (context.isPresent()) {
        return context;
      }
    }
    return Optional.empty();
  }

  private static Optional<SpanContext> extract(
      PropagationStyle style, Function<String, String> header) {
    try {
      switch (style) {
        case DATADOG:
          return DatadogPropagator.extract(header);
        case TRACECONTEXT:
          return TraceContextPropagator.extract(header);
        case B3MULTI:
          return B3Propagator.extractMulti(header);
        case B3SINGLE:
          return B3Propagator.extractSingle(header);
        default:
          return Optional.empty();
      }
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
