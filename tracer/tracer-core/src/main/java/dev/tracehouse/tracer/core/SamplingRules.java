package dev.tracehouse.tracer.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads {@code DD_TRACE_SAMPLING_RULES}: a JSON array of objects with optional {@code service},
 * {@code name}, {@code resource} (glob strings), {@code tags} (object of tag name to glob) and
 * {@code sample_rate} (0..1, a number or a numeric string, default 1). As dd-java-agent does, a
 * rule with a bad field is reported and skipped, and text that is not a JSON array drops every
 * rule.
 */
final class SamplingRules {

  private SamplingRules() {}

  /**
   * @param key how the setting is named in problem reports
   * @param problems receives one message per skipped rule, or one for unreadable JSON
   */
  static List<SamplingRule> parse(String json, String key, Consumer<String> problems) {
    Object parsed;
    try {
      parsed = Json.parse(json);
    } catch (IllegalArgumentException e) {
      problems.accept(
          "tracehouse: invalid " + key + " (not JSON: " + e.getMessage() + "), rules ignored");
      return List.of();
    }
    if (!(parsed instanceof List<?> items)) {
      problems.accept("tracehouse: invalid " + key + " (expected a JSON array), rules ignored");
      return List.of();
    }
    List<SamplingRule> rules = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      try {
        rules.add(rule(items.get(i)));
      } catch (IllegalArgumentException e) {
        problems.accept(
            "tracehouse: invalid rule #" + i + " in " + key + " (" + e.getMessage() + "), skipped");
      }
    }
    return List.copyOf(rules);
  }

  private static SamplingRule rule(Object item) {
    if (!(item instanceof Map<?, ?> fields)) {
      throw new IllegalArgumentException("not a JSON object");
    }
    return new SamplingRule(
        text(fields, "service"),
        text(fields, "name"),
        text(fields, "resource"),
        tags(fields.get("tags")),
        rate(fields.get("sample_rate")));
  }

  private static String text(Map<?, ?> fields, String field) {
    Object value = fields.get(field);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new IllegalArgumentException(field + " must be a string");
  }

  private static Map<String, String> tags(Object value) {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> entries)) {
      throw new IllegalArgumentException("tags must be an object");
    }
    Map<String, String> tags = new LinkedHashMap<>();
    entries.forEach(
        (name, pattern) -> {
          if (!(pattern instanceof String)) {
            throw new IllegalArgumentException("tag " + name + " must be a string pattern");
          }
          tags.put((String) name, (String) pattern);
        });
    return tags;
  }

  private static double rate(Object value) {
    if (value == null) {
      return 1;
    }
    double rate;
    if (value instanceof Double number) {
      rate = number;
    } else if (value instanceof String text) {
      try {
        rate = Double.parseDouble(text.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("sample_rate '" + text + "' is not a number");
      }
    } else {
      throw new IllegalArgumentException("sample_rate must be a number");
    }
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("sample_rate " + value + " is not within 0..1");
    }
    return rate;
  }
}
