package dev.tracehouse.intake.datadog;

import dev.tracehouse.intake.datadog.SpanExtras.InvalidException;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads from a plain value tree (maps, lists, strings, numbers, booleans, null) as read from
 * msgpack or JSON. Null reads as the empty value; a wrong type throws {@link InvalidException}
 * naming the path.
 */
final class PlainTree {
  private static final BigInteger MIN_LONG = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

  private PlainTree() {}

  static List<?> list(Object value, String at) throws InvalidException {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return list;
    }
    throw wrongType(at, "an array", value);
  }

  static Map<?, ?> map(Object value, String at) throws InvalidException {
    if (value == null) {
      return Map.of();
    }
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    throw wrongType(at, "a map", value);
  }

  static String string(Object value, String at) throws InvalidException {
    if (value == null) {
      return "";
    }
    if (value instanceof String text) {
      return text;
    }
    throw wrongType(at, "a string", value);
  }

  static String key(Object value, String at) throws InvalidException {
    if (value instanceof String text) {
      return text;
    }
    throw wrongType(at, "string keys", value);
  }

  /** A string map; values may also be numbers or booleans, kept as their text. */
  static Map<String, String> strings(Object value, String at) throws InvalidException {
    Map<String, String> strings = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map(value, at).entrySet()) {
      String key = key(entry.getKey(), at);
      Object item = entry.getValue();
      if (item instanceof Number || item instanceof Boolean) {
        strings.put(key, item.toString());
      } else {
        strings.put(key, string(item, at + "." + key));
      }
    }
    return strings;
  }

  /** An integer in -2^63 .. 2^64-1 as its unsigned 64-bit bits; null reads as 0. */
  static long bits(Object value, String at) throws InvalidException {
    if (value == null) {
      return 0;
    }
    if (value instanceof Long || value instanceof Integer) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big
        && big.compareTo(MIN_LONG) >= 0
        && big.compareTo(TWO_TO_64) < 0) {
      return big.longValue();
    }
    throw wrongType(at, "an integer of at most 64 bits", value);
  }

  /** Nanoseconds sent as an integer or a float (dd-trace-js sends floats); null reads as 0. */
  static long nanos(Object value, String at) throws InvalidException {
    if (value instanceof Double || value instanceof Float) {
      return (long) ((Number) value).doubleValue();
    }
    return bits(value, at);
  }

  static InvalidException wrongType(String at, String wanted, Object value) {
    return new InvalidException(at + ": expected " + wanted + ", got " + describe(value));
  }

  private static String describe(Object value) {
    if (value instanceof Map<?, ?>) {
      return "map";
    }
    if (value instanceof List<?>) {
      return "array";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    if (value instanceof Double || value instanceof Float) {
      return "float";
    }
    return value instanceof Number ? "integer " + value : String.valueOf(value);
  }
}
