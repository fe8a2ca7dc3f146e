package dev.tracehouse.tracer.core;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Zipkin B3 propagation, multi-header ({@code X-B3-TraceId}, {@code X-B3-SpanId}, {@code
 * X-B3-Sampled}, {@code X-B3-Flags}) and single-header ({@code b3: {traceId}-{spanId}-{sampled}}).
 * Trace ids are 32 hex digits for 128-bit ids, 16 otherwise. Extraction never throws.
 */
final class B3Propagator {

  static final String TRACE_ID = "X-B3-TraceId";
  static final String SPAN_ID = "X-B3-SpanId";
  static final String SAMPLED = "X-B3-Sampled";
  static final String FLAGS = "X-B3-Flags";
  static final String SINGLE = "b3";

  /** B3 debug ({@code d} or {@code X-B3-Flags: 1}) maps to Datadog's user keep. */
  private static final int DEBUG_PRIORITY = 2;

  private B3Propagator() {}

  static void injectMulti(CoreSpan span, Map<String, String> headers) {
    headers.put(TRACE_ID, traceId(span.trace()));
    headers.put(SPAN_ID, Hex.of(span.spanId()));
    headers.put(SAMPLED, sampled(span.trace()));
  }

  static void injectSingle(CoreSpan span, Map<String, String> headers) {
    headers.put(
        SINGLE, traceId(span.trace()) + "-" + Hex.of(span.spanId()) + "-" + sampled(span.trace()));
  }

  static Optional<SpanContext> extractMulti(Function<String, String> header) {
    String flags = header.apply(FLAGS);
    String sampling = "1".equals(trim(flags)) ? "d" : header.apply(SAMPLED);
    return context(header.apply(TRACE_ID), header.apply(SPAN_ID), sampling);
  }

  static Optional<SpanContext> extractSingle(Function<String, String> header) {
    String value = trim(header.apply(SINGLE));
    if (value == null) {
      return Optional.empty();
    }
    String[] parts = value.split("-", -1);
    if (parts.length < 2 || parts.length > 4) {
      return Optional.empty();
    }
    if (parts.length == 4 && !Hex.isHex(parts[3], 16, true)) {
      return Optional.empty();
    }
    return context(parts[0], parts[1], parts.length >= 3 ? parts[2] : null);
  }

  private static Optional<SpanContext> context(String traceId, String spanId, String sampling) {
    traceId = trim(traceId);
    spanId = trim(spanId);
    Integer priority = priority(trim(sampling));
    if (priority == null || !Hex.isHex(spanId, 16, true)) {
      return Optional.empty();
    }
    long high;
    long low;
    if (Hex.isHex(traceId, 32, true)) {
      high = Hex.parse(traceId.substring(0, 16));
      low = Hex.parse(traceId.substring(16));
    } else if (Hex.isHex(traceId, 16, true)) {
      high = 0;
      low = Hex.parse(traceId);
    } else {
      return Optional.empty();
    }
    long span = Hex.parse(spanId);
    if (low == 0 || span == 0) {
      return Optional.empty();
    }
    return Optional.of(new SpanContext(high, low, span, priority, null));
  }

  /** The priority for a sampling state (absent = sampled), or null when it is not valid B3. */
  private static Integer priority(String sampling) {
    if (sampling == null || sampling.equals("1") || sampling.equalsIgnoreCase("true")) {
      return PendingTrace.DEFAULT_PRIORITY;
    }
    if (sampling.equals("0") || sampling.equalsIgnoreCase("false")) {
      return 0;
    }
    return sampling.equals("d") ? DEBUG_PRIORITY : null;
  }

  private static String traceId(PendingTrace trace) {
    String low = Hex.of(trace.traceIdLow());
    return trace.traceIdHigh() == 0 ? low : Hex.of(trace.traceIdHigh()) + low;
  }

  private static String sampled(PendingTrace trace) {
    return trace.samplingPriority() > 0 ? "1" : "0";
  }

  private static String trim(String value) {
    return value == null ? null : value.trim();
  }
}
