package dev.tracehouse.tracer.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link SamplingRule} with its patterns compiled. Tag values are matched as dd-java-agent does:
 * a string as is, a whole number as its decimal digits, any other number only by a match-all
 * pattern; a missing tag never matches.
 */
final class RuleMatcher {

  private final Glob service;
  private final Glob name;
  private final Glob resource;
  private final Map<String, Glob> tags = new LinkedHashMap<>();
  private final double rate;

  RuleMatcher(SamplingRule rule) {
    this.service = Glob.of(rule.service());
    this.name = Glob.of(rule.name());
    this.resource = Glob.of(rule.resource());
    rule.tags().forEach((tag, pattern) -> tags.put(tag, Glob.of(pattern)));
    this.rate = rule.sampleRate();
  }

  /** A rule that matches every trace ({@code DD_TRACE_SAMPLE_RATE}). */
  static RuleMatcher everything(double rate) {
    return new RuleMatcher(new SamplingRule(null, null, null, Map.of(), rate));
  }

  double rate() {
    return rate;
  }

  /** Reads the span's fields; the caller holds the span's lock. */
  boolean matches(CoreSpan span) {
    if (!service.matches(span.service())
        || !name.matches(span.name())
        || !resource.matches(span.resource())) {
      return false;
    }
    for (Map.Entry<String, Glob> tag : tags.entrySet()) {
      if (!matchesTag(span, tag.getKey(), tag.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static boolean matchesTag(CoreSpan span, String key, Glob pattern) {
    SpanTags spanTags = span.tags();
    int meta = spanTags.metaIndex(key);
    if (meta >= 0) {
      return pattern.matches(spanTags.metaValue(meta));
    }
    int metric = spanTags.metricIndex(key);
    if (metric >= 0) {
      double value = spanTags.metricValue(metric);
      return pattern.matchesAnything()
          || (value == Math.rint(value) && pattern.matches(Long.toString((long) value)));
    }
    String tracerWide = span.tracer().tracerWideTag(key);
    return tracerWide != null && pattern.matches(tracerWide);
  }
}
