package dev.tracehouse.query.analytics;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reading a JSON request that arrives as plain Java values ({@code Map}, {@code List}, {@code
 * String}, numbers, {@code Boolean}, null): every failure is an {@link IllegalArgumentException}
 * whose message starts with the path of the bad field ({@code group_by[1].limit: …}).
 */
final class Requests {

  private Requests() {}

  /** The object at {@code where} ({@code ""} for the body); absent (null) is an empty object. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object value, String where, Set<String> allowed) {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(
          (where.isEmpty() ? "body" : where) + ": expected an object, got " + kind(value));
    }
    for (Object key : map.keySet()) {
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException(
            prefix(where)
                + shown(String.valueOf(key))
                + ": unknown field (known: "
                + String.join(", ", allowed.stream().sorted().toList())
                + ")");
      }
    }
    return (Map<String, Object>) map;
  }

  /** The list at {@code where}; absent (null) is empty. */
  static List<?> list(Object value, String where) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException(where + ": expected an array, got " + kind(value));
    }
    return list;
  }

  /** The string at {@code where}, or null when absent. */
  static String string(Object value, String where) {
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new IllegalArgumentException(where + ": expected a string, got " + kind(value));
  }

  /** The whole number at {@code where} in {@code [min, max]}, {@code fallback} when absent. */
  static int integer(Object value, String where, int min, int max, int fallback) {
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Integer || value instanceof Long)) {
      throw new IllegalArgumentException(where + ": expected a whole number, got " + kind(value));
    }
    long n = ((Number) value).longValue();
    if (n < min || n > max) {
      throw new IllegalArgumentException(
          where + ": must be between " + min + " and " + max + ", got " + n);
    }
    return (int) n;
  }

  /** {@code where.} or nothing for the top level. */
  static String prefix(String where) {
    return where.isEmpty() ? "" : where + ".";
  }

  /** At most 80 characters of {@code text}, for error messages. */
  static String shown(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "…";
  }

  private static String kind(Object value) {
    if (value instanceof String s) {
      return "the string '" + shown(s) + "'";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return value instanceof List ? "an array" : "an object";
  }
}
