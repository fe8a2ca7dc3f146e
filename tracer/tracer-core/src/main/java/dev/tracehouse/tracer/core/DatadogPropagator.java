package dev.tracehouse.tracer.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Datadog-style propagation over {@code x-datadog-*} headers. Extraction never throws: missing or
 * malformed headers give an empty result (the receiver starts a new trace).
 */
public final class DatadogPropagator {

  public static final String TRACE_ID = "x-datadog-trace-id";
  public static final String PARENT_ID = "x-datadog-parent-id";
  public static final String SAMPLING_PRIORITY = "x-datadog-sampling-priority";
  public static final String TAGS = "x-datadog-tags";

  /** The headers {@link #extract} reads, lower case. */
  public static final List<String> HEADER_NAMES =
      List.of(TRACE_ID, PARENT_ID, SAMPLING_PRIORITY, TAGS);

  /** Longer {@code x-datadog-tags} values are ignored, as Datadog's tracers do. */
  static final int MAX_TAGS_LENGTH = 512;

  private DatadogPropagator() {}

  /** The headers that make {@code span} the parent of the receiver's span. */
  public static Map<String, String> inject(CoreSpan span) {
    PendingTrace trace = span.trace();
    SamplingDecision sampling = trace.sampling();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(TRACE_ID, Long.toUnsignedString(trace.traceIdLow()));
    headers.put(PARENT_ID, Long.toUnsignedString(span.spanId()));
    headers.put(SAMPLING_PRIORITY, Integer.toString(sampling.priority()));
    StringBuilder tags = new StringBuilder();
    appendTag(tags, "_dd.p.dm", sampling.decisionMaker());
    appendTag(tags, "_dd.p.tid", trace.traceIdHigh() == 0 ? null : Hex.of(trace.traceIdHigh()));
    appendTag(tags, "_dd.p.ksr", sampling.knuthRate());
    if (tags.length() > 0) {
      headers.put(TAGS, tags.toString());
    }
    return headers;
  }

  private static void appendTag(StringBuilder tags, String key, String value) {
    if (value != null) {
      tags.append(tags.length() == 0 ? "" : ",").append(key).append('=').append(value);
    }
  }

  /** Extracts from headers whose names may be in any case. */
  public static Optional<SpanContext> extract(Map<String, String> headers) {
    if (headers == null) {
      return Optional.empty();
    }
    Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (name, value) -> {
          if (name != null) {
            byName.put(name, value);
          }
        });
    return extract(byName::get);
  }

  /** Extracts through a lookup that is already case-insensitive (as servlet requests are). */
  public static Optional<SpanContext> extract(Function<String, String> header) {
    try {
      long traceId = parseUnsigned(header.apply(TRACE_ID));
      if (traceId == 0) {
        return Optional.empty();
      }
      long parentId = parseUnsigned(header.apply(PARENT_ID));
      if (parentId == 0) {
        return Optional.empty();
      }
      int priority = parsePriority(header.apply(SAMPLING_PRIORITY));
      Map<String, String> tags = parseTags(header.apply(TAGS));
      long high = parseHigh(tags.get("_dd.p.tid"));
      String decisionMaker = parseDecisionMaker(tags.get("_dd.p.dm"));
      return Optional.of(new SpanContext(high, traceId, parentId, priority, decisionMaker));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** An unsigned decimal 64-bit id, or 0 when absent or malformed. */
  private static long parseUnsigned(String value) {
    if (value == null || value.isBlank()) {
      return 0;
    }
    try {
      return Long.parseUnsignedLong(value.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The priority, or {@link SpanContext#UNSET_PRIORITY} when absent or malformed. */
  private static int parsePriority(String value) {
    if (value == null) {
      return SpanContext.UNSET_PRIORITY;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return SpanContext.UNSET_PRIORITY;
    }
  }

  private static Map<String, String> parseTags(String value) {
    Map<String, String> tags = new LinkedHashMap<>();
    if (value == null || value.length() > MAX_TAGS_LENGTH) {
      return tags;
    }
    for (String pair : value.split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        tags.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
    }
    return tags;
  }

  /** The 16-hex-digit high half of the trace id, or 0 when absent or malformed. */
  private static long parseHigh(String tid) {
    if (tid == null || tid.length() != 16) {
      return 0;
    }
    try {
      return Long.parseUnsignedLong(tid, 16);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** {@code -<1 to 3 digits>}, else {@code null} (checked by hand: no regex per request). */
  static String parseDecisionMaker(String value) {
    if (value == null || value.length() < 2 || value.length() > 4 || value.charAt(0) != '-') {
      return null;
    }
    for (int i = 1; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    return value;
  }
}
