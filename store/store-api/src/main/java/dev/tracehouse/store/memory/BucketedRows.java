package dev.tracehouse.store.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Entries of time buckets (stats groups or service-map edges), indexed by bucket start, then
 * duration, each bucket's entries in write order. Not thread-safe: the owner locks.
 *
 * @param <T> the entry type
 */
final class BucketedRows<T> {

  /** Builds the bucket record returned to readers. */
  @FunctionalInterface
  interface BucketFactory<T, B> {
    B create(long start, long duration, List<T> entries);
  }

  private final NavigableMap<Long, NavigableMap<Long, List<T>>> byStart = new TreeMap<>();
  private int size;

  /** Appends the entries of one bucket; an empty list stores nothing. */
  void add(long start, long duration, List<T> entries) {
    if (entries.isEmpty()) {
      return;
    }
    byStart
        .computeIfAbsent(start, s -> new TreeMap<>())
        .computeIfAbsent(duration, d -> new ArrayList<>())
        .addAll(entries);
    size += entries.size();
  }

  /** The number of stored entries. */
  int size() {
    return size;
  }

  /**
   * The buckets starting in {@code [fromNs, toNs)} sorted by start then duration, each with the
   * entries that pass {@code filter}; buckets left without entries are omitted.
   */
  <B> List<B> read(long fromNs, long toNs, Predicate<T> filter, BucketFactory<T, B> factory) {
    List<B> found = new ArrayList<>();
    for (Map.Entry<Long, NavigableMap<Long, List<T>>> start :
        byStart.subMap(fromNs, true, toNs, false).entrySet()) {
      for (Map.Entry<Long, List<T>> duration : start.getValue().entrySet()) {
        List<T> matching = duration.getValue().stream().filter(filter).toList();
        if (!matching.isEmpty()) {
          found.add(factory.create(start.getKey(), duration.getKey(), matching));
        }
      }
    }
    return found;
  }

  void clear() {
    byStart.clear();
    size = 0;
  }
}
