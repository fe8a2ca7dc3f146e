package dev.tracehouse.model;

import java.util.List;

/**
 * APM stats of one time bucket: spans are counted in the bucket that holds their end time.
 *
 * @param start bucket start, nanoseconds since the epoch, a multiple of {@code duration}
 * @param duration bucket length in nanoseconds (10 s)
 * @param groups one entry per distinct {@link StatsKey}, unmodifiable
 */
public record StatsBucket(long start, long duration, List<StatsGroup> groups) {

  public StatsBucket {
    if (duration <= 0) {
      throw new IllegalArgumentException("bucket duration must be positive: " + duration);
    }
    groups = groups == null ? List.of() : List.copyOf(groups);
  }

  /** Bucket end (exclusive), nanoseconds since the epoch. */
  public long end() {
    return start + duration;
  }
}
