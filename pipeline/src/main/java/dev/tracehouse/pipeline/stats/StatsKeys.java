package dev.tracehouse.pipeline.stats;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.StatsKey;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Derives stats keys and weights from spans the way the Datadog agent's concentrator does. */
final class StatsKeys {
  static final String SAMPLE_RATE = "_sample_rate";
  private static final String ORIGIN = "_dd.origin";
  private static final String STATUS_CODE = "http.status_code";

  private StatsKeys() {}

  /** The chunk's root: the span without a parent, else one whose parent is not in the chunk. */
  static Span root(List<Span> chunk) {
    for (Span span : chunk) {
      if (span.parentId() == 0) {
        return span;
      }
    }
    Set<Long> ids = new HashSet<>();
    for (Span span : chunk) {
      ids.add(span.spanId());
    }
    for (Span span : chunk) {
      if (!ids.contains(span.parentId())) {
        return span;
      }
    }
    return chunk.get(0);
  }

  /** {@code 1/_sample_rate} of the root; 1 when the rate is missing or not in (0, 1]. */
  static double weight(Span root) {
    Double rate = root.metrics().get(SAMPLE_RATE);
    return rate == null || !(rate > 0 && rate <= 1) ? 1 : 1 / rate;
  }

  /** The chunk-level tag {@code key}: from the root, else from the first span that has it. */
  static String chunkTag(List<Span> chunk, Span root, String key) {
    String value = root.meta().get(key);
    if (value != null) {
      return value;
    }
    for (Span span : chunk) {
      value = span.meta().get(key);
      if (value != null) {
        return value;
      }
    }
    return "";
  }

  static boolean synthetics(Span root) {
    return root.meta().getOrDefault(ORIGIN, "").startsWith("synthetics");
  }

  static StatsKey of(Span span, String env, String version, boolean synthetics) {
    return new StatsKey(
        env,
        span.service(),
        span.name(),
        span.resource(),
        span.type(),
        statusCode(span),
        version,
        "",
        synthetics,
        span.meta().getOrDefault("span.kind", ""),
        span.parentId() == 0 ? StatsKey.TraceRoot.YES : StatsKey.TraceRoot.NO);
  }

  /** {@code http.status_code} from meta (a string) or metrics; 0 when absent or not 0-999. */
  static int statusCode(Span span) {
    String text = span.meta().get(STATUS_CODE);
    double code;
    if (text != null) {
      try {
        code = Integer.parseInt(text.trim());
      } catch (NumberFormatException e) {
        return 0;
      }
    } else {
      code = span.metrics().getOrDefault(STATUS_CODE, 0.0);
    }
    return code >= 0 && code <= 999 ? (int) code : 0;
  }
}
