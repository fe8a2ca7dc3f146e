package dev.tracehouse.pipeline.normalize;

import static dev.tracehouse.pipeline.normalize.SpanNormalizer.clean;
import static dev.tracehouse.pipeline.normalize.SpanNormalizer.count;

import dev.tracehouse.model.Span;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Meta and metrics rules: key and value length limits (the agent's truncator), clean characters,
 * finite metric values, and the few meta keys the agent normalises ({@code env}, {@code
 * http.status_code}, {@code peer.service}, {@code _dd.base_service}).
 */
final class TagLimits {
  static final int MAX_KEY_BYTES = 200;
  static final int MAX_META_VALUE_BYTES = 25_000;

  private TagLimits() {}

  /** The span with its tags repaired; the span itself when they need nothing (the common case). */
  static Span apply(Span span, Map<FixReason, Long> fixes) {
    return isValid(span) ? span : repair(span, fixes);
  }

  /**
   * Whether every rule already holds for the span's tags, checked in place: then {@link #repair}
   * would change and count nothing.
   */
  static boolean isValid(Span span) {
    for (Map.Entry<String, String> e : span.meta().entrySet()) {
      if (!isValidKey(e.getKey()) || !isValidMeta(e.getKey(), e.getValue())) {
        return false;
      }
    }
    for (Map.Entry<String, Double> e : span.metrics().entrySet()) {
      if (!isValidKey(e.getKey()) || !Double.isFinite(e.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** The value rules, and those of the few keys {@link #normalizeKnownMeta} looks at. */
  private static boolean isValidMeta(String key, String value) {
    if (!Text.isClean(value, true) || !Text.fitsUtf8(value, MAX_META_VALUE_BYTES)) {
      return false;
    }
    return switch (key) {
      case "http.status_code" -> isValidStatusCode(value);
      case "env" -> isNormalized(value, Integer.MAX_VALUE);
      case "peer.service", "_dd.base_service" ->
          isNormalized(value, SpanNormalizer.MAX_SERVICE_BYTES);
      default -> true;
    };
  }

  private static boolean isValidKey(String key) {
    return Text.isClean(key, false) && Text.fitsUtf8(key, MAX_KEY_BYTES);
  }

  /** Whether {@link #normalizeValue} leaves this value as it is. */
  private static boolean isNormalized(String value, int maxBytes) {
    return value.isEmpty() || (Tags.isNormalizedTagValue(value) && Text.fitsUtf8(value, maxBytes));
  }

  /** The span with its tags copied and repaired, every fix counted. */
  static Span repair(Span span, Map<FixReason, Long> fixes) {
    Map<String, String> meta = new LinkedHashMap<>();
    span.meta().forEach((k, v) -> meta.put(metaKey(k, fixes), metaValue(v, fixes)));
    normalizeKnownMeta(meta, fixes);
    Map<String, Double> metrics = new LinkedHashMap<>();
    span.metrics()
        .forEach(
            (k, v) -> {
              if (Double.isFinite(v)) {
                metrics.put(metricKey(k, fixes), v);
              } else {
                count(fixes, FixReason.INVALID_METRIC_VALUE);
              }
            });
    if (meta.equals(span.meta()) && metrics.equals(span.metrics())) {
      return span;
    }
    return span.withTags(meta, metrics);
  }

  private static String metaKey(String key, Map<FixReason, Long> fixes) {
    return limit(clean(key, false, fixes), MAX_KEY_BYTES, FixReason.META_KEY_TRUNCATE, fixes);
  }

  private static String metaValue(String value, Map<FixReason, Long> fixes) {
    return limit(
        clean(value, true, fixes), MAX_META_VALUE_BYTES, FixReason.META_VALUE_TRUNCATE, fixes);
  }

  private static String metricKey(String key, Map<FixReason, Long> fixes) {
    return limit(clean(key, false, fixes), MAX_KEY_BYTES, FixReason.METRIC_KEY_TRUNCATE, fixes);
  }

  private static String limit(
      String s, int maxBytes, FixReason reason, Map<FixReason, Long> fixes) {
    String cut = Text.truncateWithEllipsis(s, maxBytes);
    if (!cut.equals(s)) {
      count(fixes, reason);
    }
    return cut;
  }

  private static void normalizeKnownMeta(Map<String, String> meta, Map<FixReason, Long> fixes) {
    String code = meta.get("http.status_code");
    if (code != null && !isValidStatusCode(code)) {
      count(fixes, FixReason.INVALID_HTTP_STATUS_CODE);
      meta.remove("http.status_code");
    }
    normalizeValue(meta, "env", Integer.MAX_VALUE);
    normalizeValue(meta, "peer.service", SpanNormalizer.MAX_SERVICE_BYTES);
    normalizeValue(meta, "_dd.base_service", SpanNormalizer.MAX_SERVICE_BYTES);
  }

  private static void normalizeValue(Map<String, String> meta, String key, int maxBytes) {
    String value = meta.get(key);
    if (value == null || value.isEmpty()) {
      return;
    }
    String normalized = Tags.normalizeTagValue(Text.truncateUtf8(value, maxBytes));
    if (normalized.isEmpty()) {
      meta.remove(key);
    } else {
      meta.put(key, normalized);
    }
  }

  /** A decimal status code from 100 to 599, like the agent's check. */
  static boolean isValidStatusCode(String code) {
    if (code.isEmpty() || code.length() > 19) {
      return false;
    }
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    long value = Long.parseLong(code);
    return value >= 100 && value < 600;
  }
}
