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
