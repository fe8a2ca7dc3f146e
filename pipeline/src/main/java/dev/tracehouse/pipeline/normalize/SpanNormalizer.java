package dev.tracehouse.pipeline.normalize;

import dev.tracehouse.model.Span;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** Repairs one span by the agent's rules; ids are checked by {@link Normalizer} beforehand. */
final class SpanNormalizer {
  static final int MAX_SERVICE_BYTES = 100;
  static final int MAX_NAME_BYTES = 100;
  static final int MAX_TYPE_BYTES = 100;
  static final int MAX_RESOURCE_BYTES = 5000;
  static final String DEFAULT_SERVICE = "unnamed-service";
  static final String DEFAULT_NAME = "unnamed_operation";
  static final long YEAR_2000_NANOS =
      Instant.parse("2000-01-01T00:00:00Z").getEpochSecond() * 1_000_000_000L;
  static final Duration MAX_FUTURE_SKEW = Duration.ofDays(1);
  private static final int MAX_LANG_BYTES = 50;

  private final Clock clock;

  SpanNormalizer(Clock clock) {
    this.clock = clock;
  }

  /** Nanoseconds since the epoch, from the clock: read once per batch and passed to normalize. */
  long nowNanos() {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  /**
   * The span repaired; the span itself when every rule already holds (the common case).
   *
   * @param now {@link #nowNanos()}, to repair start times
   */
  Span normalize(Span span, String lang, long now, Map<FixReason, Long> fixes) {
    String name = normalizeName(clean(span.name(), false, fixes), fixes);
    String service = normalizeService(clean(span.service(), false, fixes), lang, fixes);
    String resource = normalizeResource(clean(span.resource(), true, fixes), name, fixes);
    String type =
        truncate(clean(span.type(), false, fixes), MAX_TYPE_BYTES, FixReason.TYPE_TRUNCATE, fixes);
    long parentId = span.parentId();
    if (parentId != 0 && parentId == span.spanId()) {
      count(fixes, FixReason.PARENT_ID_SELF);
      parentId = 0;
    }
    long duration = span.duration();
    if (duration < 0) {
      count(fixes, FixReason.INVALID_DURATION);
      duration = 0;
    }
    long start = fixStart(span.start(), duration, now, fixes);
    if (duration > Long.MAX_VALUE - start) {
      count(fixes, FixReason.INVALID_DURATION);
      duration = 0;
    }
    boolean unchanged =
        name == span.name()
            && service == span.service()
            && resource == span.resource()
            && type == span.type()
            && parentId == span.parentId()
            && start == span.start()
            && duration == span.duration();
    Span withScalars =
        unchanged
            ? span
            : new Span(
                span.traceId(),
                span.spanId(),
                parentId,
                service,
                name,
                resource,
                type,
                start,
                duration,
                span.error(),
                span.meta(),
                span.metrics());
    return TagLimits.apply(withScalars, fixes);
  }

  private String normalizeService(String service, String lang, Map<FixReason, Long> fixes) {
    if (service.isEmpty()) {
      count(fixes, FixReason.SERVICE_EMPTY);
      return fallbackService(lang);
    }
    String cut = truncate(service, MAX_SERVICE_BYTES, FixReason.SERVICE_TRUNCATE, fixes);
    String normalized = Tags.normalizeTagValue(cut);
    if (normalized.isEmpty()) {
      count(fixes, FixReason.SERVICE_INVALID);
      return fallbackService(lang);
    }
    return normalized;
  }

  /**
   * {@code unnamed-<lang>-service} like the agent, with the (untrusted) language made a valid tag.
   */
  static String fallbackService(String lang) {
    String safeLang =
        lang == null
            ? ""
            : Tags.normalizeTagValue(Text.truncateUtf8(Text.repair(lang, false), MAX_LANG_BYTES));
    return safeLang.isEmpty() ? DEFAULT_SERVICE : "unnamed-" + safeLang + "-service";
  }

  private static String normalizeName(String name, Map<FixReason, Long> fixes) {
    if (name.isEmpty()) {
      count(fixes, FixReason.SPAN_NAME_EMPTY);
      return DEFAULT_NAME;
    }
    String cut = truncate(name, MAX_NAME_BYTES, FixReason.SPAN_NAME_TRUNCATE, fixes);
    String normalized = Tags.normalizeMetricName(cut);
    if (normalized == null) {
      count(fixes, FixReason.SPAN_NAME_INVALID);
      return DEFAULT_NAME;
    }
    return normalized;
  }

  private static String normalizeResource(
      String resource, String name, Map<FixReason, Long> fixes) {
    if (resource.isEmpty()) {
      count(fixes, FixReason.RESOURCE_EMPTY);
      return name;
    }
    return truncate(resource, MAX_RESOURCE_BYTES, FixReason.RESOURCE_TRUNCATE, fixes);
  }

  private static long fixStart(long start, long duration, long now, Map<FixReason, Long> fixes) {
    if (start < YEAR_2000_NANOS) {
      count(fixes, FixReason.INVALID_START_DATE);
    } else if (start > now + MAX_FUTURE_SKEW.toNanos()) {
      count(fixes, FixReason.FUTURE_START_DATE);
    } else {
      return start;
    }
    long fixed = now - duration;
    return fixed < YEAR_2000_NANOS ? now : fixed;
  }

  /** {@code s} with bad characters replaced; {@code s} itself when it has none. */
  static String clean(String s, boolean keepLayout, Map<FixReason, Long> fixes) {
    if (Text.isClean(s, keepLayout)) {
      return s;
    }
    boolean surrogate = Text.hasLoneSurrogate(s);
    boolean control = Text.hasControl(s, keepLayout);
    if (!surrogate && !control) {
      return s;
    }
    if (surrogate) {
      count(fixes, FixReason.INVALID_UTF8);
    }
    if (control) {
      count(fixes, FixReason.CONTROL_CHARACTER);
    }
    return Text.repair(s, keepLayout);
  }

  static String truncate(String s, int maxBytes, FixReason reason, Map<FixReason, Long> fixes) {
    String cut = Text.truncateUtf8(s, maxBytes);
    if (cut.length() != s.length()) {
      count(fixes, reason);
    }
    return cut;
  }

  static void count(Map<FixReason, Long> fixes, FixReason reason) {
    fixes.merge(reason, 1L, Long::sum);
  }

  static Map<FixReason, Long> newFixes() {
    return new EnumMap<>(FixReason.class);
  }
}
