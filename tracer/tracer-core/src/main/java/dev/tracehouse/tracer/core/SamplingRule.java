package dev.tracehouse.tracer.core;

import java.util.Map;

/**
 * One entry of {@code DD_TRACE_SAMPLING_RULES}: a trace whose local root span matches every given
 * pattern is kept with probability {@code sampleRate} (priority 2, decision maker {@code -3}) or
 * dropped (priority -1). Patterns are globs ({@code *}, {@code ?}, case-insensitive); {@code null}
 * matches anything.
 *
 * @param service pattern for the span's service
 * @param name pattern for the span's operation name
 * @param resource pattern for the span's resource
 * @param tags tag name to pattern for the tag's value; the tag must be present
 * @param sampleRate 0..1
 */
public record SamplingRule(
    String service, String name, String resource, Map<String, String> tags, double sampleRate) {

  public SamplingRule {
    tags = tags == null ? Map.of() : Map.copyOf(tags);
    if (!(sampleRate >= 0 && sampleRate <= 1)) {
      throw new IllegalArgumentException("sample_rate must be within 0..1: " + sampleRate);
    }
  }
}
