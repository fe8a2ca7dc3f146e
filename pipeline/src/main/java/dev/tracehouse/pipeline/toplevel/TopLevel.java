package dev.tracehouse.pipeline.toplevel;

import dev.tracehouse.model.Span;
import dev.tracehouse.pipeline.internal.TagMaps;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Top-level (service-entry) and measured spans, per spec/apm-model.md section 2 and
 * spec/agent-intake.md section 9. After {@link #mark}, a span is top-level exactly when its metric
 * {@value #TOP_LEVEL} is 1; stats and the service pages read {@link #isTopLevel} and {@link
 * #isStatsEligible}.
 */
public final class TopLevel {
  /** The agent's top-level marker (metric, 1 = top-level). */
  public static final String TOP_LEVEL = "_top_level";

  /**
   * The tracer's own top-level marker, trusted only with {@code Datadog-Client-Computed-Top-Level}.
   */
  public static final String CLIENT_TOP_LEVEL = "_dd.top_level";

  /** Metric asking for trace metrics on a span that is not top-level. */
  public static final String MEASURED = "_dd.measured";

  /** Metric present on partial snapshots of long-running spans (never stats-eligible). */
  public static final String PARTIAL_VERSION = "_dd.partial_version";

  /** Chunks up to this size find parents by a scan instead of an index. */
  private static final int SMALL_CHUNK = 32;

  private static final Double ONE = 1.0;

  private TopLevel() {}

  /**
   * Sets {@value #TOP_LEVEL} to 1 on the chunk's top-level spans and removes it from the others.
   *
   * @param chunk the spans of one trace sent together by one tracer (the real chunk: a parent in
   *     another chunk of the same payload still makes its child top-level)
   * @param clientComputed whether the request carried {@code Datadog-Client-Computed-Top-Level}
   *     true: then a span is top-level when the client marked it ({@value #CLIENT_TOP_LEVEL} or
   *     {@value #TOP_LEVEL} = 1); otherwise the rule decides: root, parent not in the chunk, or
   *     parent in another service
   * @return the chunk's spans in the same order (spans already right are returned as they are)
   */
  public static List<Span> mark(List<Span> chunk, boolean clientComputed) {
    Map<SpanKey, Span> byId = clientComputed || chunk.size() <= SMALL_CHUNK ? null : index(chunk);
    List<Span> out = new ArrayList<>(chunk.size());
    for (Span span : chunk) {
      boolean top = clientComputed ? markedByClient(span) : byRule(span, chunk, byId);
      out.add(withTopLevel(span, top));
    }
    return out;
  }

  private static Map<SpanKey, Span> index(List<Span> chunk) {
    Map<SpanKey, Span> byId = new HashMap<>();
    for (Span span : chunk) {
      byId.putIfAbsent(new SpanKey(span.traceId().low(), span.spanId()), span);
    }
    return byId;
  }

  /** Whether {@code span} was marked top-level by {@link #mark}. */
  public static boolean isTopLevel(Span span) {
    return is(span, TOP_LEVEL);
  }

  /** Whether the tracer asked for trace metrics on {@code span} ({@value #MEASURED} = 1). */
  public static boolean isMeasured(Span span) {
    return is(span, MEASURED);
  }

  /**
   * Whether {@code span} counts in trace stats: top-level or measured, and not a partial snapshot.
   */
  public static boolean isStatsEligible(Span span) {
    return (isTopLevel(span) || isMeasured(span)) && !span.metrics().containsKey(PARTIAL_VERSION);
  }

  private static boolean markedByClient(Span span) {
    return is(span, CLIENT_TOP_LEVEL) || is(span, TOP_LEVEL);
  }

  /**
   * Root, parent not in the chunk, or parent in another service; the parent is looked up in {@code
   * byId}, or (for small chunks, {@code byId} null) by a scan of the chunk.
   */
  private static boolean byRule(Span span, List<Span> chunk, Map<SpanKey, Span> byId) {
    if (span.parentId() == 0) {
      return true;
    }
    Span parent =
        byId == null
            ? find(chunk, span.traceId().low(), span.parentId())
            : byId.get(new SpanKey(span.traceId().low(), span.parentId()));
    return parent == null || !parent.service().equals(span.service());
  }

  private static Span find(List<Span> chunk, long traceIdLow, long spanId) {
    for (Span span : chunk) {
      if (span.spanId() == spanId && span.traceId().low() == traceIdLow) {
        return span;
      }
    }
    return null;
  }

  private static Span withTopLevel(Span span, boolean top) {
    Map<String, Double> metrics =
        top
            ? TagMaps.with(span.metrics(), TOP_LEVEL, ONE)
            : TagMaps.without(span.metrics(), TOP_LEVEL);
    return metrics == span.metrics() ? span : span.withTags(span.meta(), metrics);
  }

  private static boolean is(Span span, String metric) {
    Double value = span.metrics().get(metric);
    return value != null && value == 1.0;
  }

  private record SpanKey(long traceIdLow, long spanId) {}
}
