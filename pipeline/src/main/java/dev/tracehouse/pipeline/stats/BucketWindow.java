package dev.tracehouse.pipeline.stats;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Time buckets the way the Datadog agent's concentrator keeps them: a value lands in the bucket
 * holding its end time, aligned to the bucket size; the two newest buckets (the current one and the
 * one before) stay open for late data, older ones are flushed; data older than the oldest open
 * bucket goes into that bucket instead of being lost, and data from the future into the current
 * bucket (so a skewed client clock cannot make the window grow). At most three buckets are ever
 * held between flushes. Not thread-safe: the owner locks.
 *
 * @param <T> what one bucket accumulates
 */
final class BucketWindow<T> {
  /** Buckets kept open: the current one and the one before. */
  static final int OPEN_BUCKETS = 2;

  private final Clock clock;
  private final long size;
  private final Supplier<T> factory;
  private final TreeMap<Long, T> buckets = new TreeMap<>();
  private long oldestOpen;

  BucketWindow(Clock clock, long sizeNanos, Supplier<T> factory) {
    this.clock = clock;
    this.size = sizeNanos;
    this.factory = factory;
    this.oldestOpen = align(nowNanos()) - (OPEN_BUCKETS - 1) * size;
  }

  long size() {
    return size;
  }

  /** The bucket that holds data ending at {@code endNanos}, created when missing. */
  T bucketFor(long endNanos) {
    long start = Math.max(oldestOpen, Math.min(align(endNanos), align(nowNanos())));
    return buckets.computeIfAbsent(start, s -> factory.get());
  }

  /**
   * Removes and returns the closed buckets (all of them when {@code force}), oldest first, keyed by
   * start, and moves the oldest open bucket forward.
   */
  List<Map.Entry<Long, T>> flush(boolean force) {
    long now = align(nowNanos());
    List<Map.Entry<Long, T>> closed = new ArrayList<>();
    Iterator<Map.Entry<Long, T>> it = buckets.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Long, T> bucket = it.next();
      if (!force && bucket.getKey() > now - OPEN_BUCKETS * size) {
        break;
      }
      closed.add(Map.entry(bucket.getKey(), bucket.getValue()));
      it.remove();
    }
    oldestOpen = Math.max(oldestOpen, now - (OPEN_BUCKETS - 1) * size);
    return closed;
  }

  private long align(long nanos) {
    return Math.floorDiv(nanos, size) * size;
  }

  private long nowNanos() {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
