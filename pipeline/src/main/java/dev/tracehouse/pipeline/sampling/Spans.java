package dev.tracehouse.pipeline.sampling;

import dev.tracehouse.model.Span;
import dev.tracehouse.pipeline.internal.TagMaps;
import java.util.HashMap;
import java.util.Map;

/** Copy-on-write helpers for the immutable {@link Span} record. */
final class Spans {
  private Spans() {}

  /** The span with one meta entry set. */
  static Span withMeta(Span span, String key, String value) {
    Map<String, String> meta = TagMaps.with(span.meta(), key, value);
    return meta == span.meta() ? span : span.withTags(meta, span.metrics());
  }

  /** The span with two meta entries set, in one copy. */
  static Span withMeta(Span span, String key1, String value1, String key2, String value2) {
    Map<String, String> meta = TagMaps.with(span.meta(), key1, value1, key2, value2);
    return meta == span.meta() ? span : span.withTags(meta, span.metrics());
  }

  /**
   * The span with metrics changed: a {@code null} value removes the key, any other value sets it.
   */
  static Span withMetrics(Span span, Map<String, Double> changes) {
    Map<String, Double> metrics = new HashMap<>(span.metrics());
    changes.forEach(
        (key, value) -> {
          if (value == null) {
            metrics.remove(key);
          } else {
            metrics.put(key, value);
          }
        });
    return span.withTags(span.meta(), metrics);
  }

  /** Whether a metric is present and equal to 1 (how Datadog encodes flags). */
  static boolean flag(Span span, String key) {
    Double value = span.metrics().get(key);
    return value != null && value == 1.0;
  }
}
