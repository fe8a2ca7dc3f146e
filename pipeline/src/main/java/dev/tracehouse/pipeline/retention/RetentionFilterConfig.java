package dev.tracehouse.pipeline.retention;

import dev.tracehouse.query.lang.QueryParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads retention filters from configuration: a list of entries with the fields {@code name}
 * (required, unique), {@code query} (required, span search syntax), {@code rate} (percent 0-100,
 * {@code 25} or {@code 25%}; default 100), {@code scope} ({@code all}, {@code service-entry} or
 * {@code root}; default {@code service-entry}) and {@code enabled} ({@code true}/{@code false};
 * default true). Every error names the entry's key ({@code pipeline.retention-filters[1].rate}) and
 * the bad value; a bad query gives the parser's reason and column.
 */
public final class RetentionFilterConfig {

  private static final Set<String> FIELDS = Set.of("name", "query", "rate", "scope", "enabled");

  private RetentionFilterConfig() {}

  /**
   * The filters of {@code entries}, in order.
   *
   * @param key the setting's name, for error messages
   * @param entries one map of field to text per filter
   * @throws IllegalArgumentException naming the entry, the field and the bad value
   */
  public static RetentionFilters parse(String key, List<Map<String, String>> entries) {
    List<RetentionFilter> filters = new ArrayList<>();
    Set<String> names = new TreeSet<>();
    for (int i = 0; i < entries.size(); i++) {
      String at = key + "[" + i + "]";
      RetentionFilter filter = filter(at, entries.get(i));
      if (!names.add(filter.name()) || filter.name().equals(RetentionFilters.LEGACY_ANALYTICS)) {
        throw bad(at + ".name", filter.name(), "a name no other filter uses");
      }
      filters.add(filter);
    }
    return RetentionFilters.of(filters);
  }

  private static RetentionFilter filter(String at, Map<String, String> entry) {
    for (String field : entry.keySet()) {
      if (!FIELDS.contains(field)) {
        throw new IllegalArgumentException(
            at + ": unknown field '" + field + "'; known: " + new TreeSet<>(FIELDS));
      }
    }
    String name = required(at + ".name", entry.get("name"));
    String query = required(at + ".query", entry.get("query"));
    double rate = rate(at + ".rate", entry.getOrDefault("rate", "100"));
    FilterScope scope = scope(at + ".scope", entry.getOrDefault("scope", "service-entry"));
    boolean enabled = bool(at + ".enabled", entry.getOrDefault("enabled", "true"));
    try {
      return RetentionFilter.of(name, query, rate, scope, enabled);
    } catch (QueryParseException e) {
      throw new IllegalArgumentException(
          at + ".query: " + e.getMessage() + " in '" + query + "'", e);
    }
  }

  private static String required(String key, String value) {
    if (value == null || value.isBlank()) {
      throw bad(key, value, "a non-empty text");
    }
    return value.trim();
  }

  private static double rate(String key, String raw) {
    String text = raw == null ? "" : raw.trim();
    if (text.endsWith("%")) {
      text = text.substring(0, text.length() - 1).trim();
    }
    try {
      double rate = Double.parseDouble(text);
      if (rate >= 0 && rate <= 100) {
        return rate;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(key, raw, "a percentage from 0 to 100 (e.g. 25 or 12.5%)");
  }

  private static FilterScope scope(String key, String raw) {
    try {
      return FilterScope.parse(raw == null ? "" : raw);
    } catch (IllegalArgumentException e) {
      throw bad(key, raw, e.getMessage().substring("expected ".length()));
    }
  }

  private static boolean bool(String key, String raw) {
    String text = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw bad(key, raw, "true or false");
    };
  }

  private static IllegalArgumentException bad(String key, String raw, String expected) {
    return new IllegalArgumentException(key + ": expected " + expected + ", got '" + raw + "'");
  }
}
