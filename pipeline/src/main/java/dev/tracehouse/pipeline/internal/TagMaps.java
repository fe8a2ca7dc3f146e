package dev.tracehouse.pipeline.internal;

import java.util.Map;

/**
 * Not API: one entry set in or removed from a span's immutable meta or metrics map, copied once
 * straight into a new immutable map (instead of a {@code HashMap} copied again by the span).
 */
public final class TagMaps {
  private TagMaps() {}

  /** {@code map} with {@code key} set to {@code value}; {@code map} itself when it already is. */
  public static <V> Map<String, V> with(Map<String, V> map, String key, V value) {
    V current = map.get(key);
    if (value.equals(current)) {
      return map;
    }
    Map.Entry<String, V>[] entries = entries(map.size() + (current == null ? 1 : 0));
    int i = 0;
    for (Map.Entry<String, V> e : map.entrySet()) {
      if (!e.getKey().equals(key)) {
        entries[i++] = e;
      }
    }
    entries[i] = Map.entry(key, value);
    return Map.ofEntries(entries);
  }

  /**
   * {@code map} with {@code key1} set to {@code value1} and {@code key2} to {@code value2} (two
   * different keys), copied once; {@code map} itself when it already holds both.
   */
  public static <V> Map<String, V> with(
      Map<String, V> map, String key1, V value1, String key2, V value2) {
    V current1 = map.get(key1);
    V current2 = map.get(key2);
    if (value1.equals(current1) && value2.equals(current2)) {
      return map;
    }
    int added = (current1 == null ? 1 : 0) + (current2 == null ? 1 : 0);
    Map.Entry<String, V>[] entries = entries(map.size() + added);
    int i = 0;
    for (Map.Entry<String, V> e : map.entrySet()) {
      if (!e.getKey().equals(key1) && !e.getKey().equals(key2)) {
        entries[i++] = e;
      }
    }
    entries[i++] = Map.entry(key1, value1);
    entries[i] = Map.entry(key2, value2);
    return Map.ofEntries(entries);
  }

  /** {@code map} without {@code key}; {@code map} itself when it has no such key. */
  public static <V> Map<String, V> without(Map<String, V> map, String key) {
    if (!map.containsKey(key)) {
      return map;
    }
    Map.Entry<String, V>[] entries = entries(map.size() - 1);
    int i = 0;
    for (Map.Entry<String, V> e : map.entrySet()) {
      if (!e.getKey().equals(key)) {
        entries[i++] = e;
      }
    }
    return Map.ofEntries(entries);
  }

  @SuppressWarnings("unchecked")
  private static <V> Map.Entry<String, V>[] entries(int size) {
    return (Map.Entry<String, V>[]) new Map.Entry<?, ?>[size];
  }
}
