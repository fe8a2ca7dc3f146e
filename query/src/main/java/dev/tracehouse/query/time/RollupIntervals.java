package dev.tracehouse.query.time;

import java.time.Duration;
import java.util.List;

/**
 * The automatic rollup intervals of {@code spec/search-syntax.md} section 4.4, smallest first:
 * analytics and service statistics pick the smallest one that gives at most 150 buckets.
 */
public final class RollupIntervals {

  private static final List<Duration> ALL =
      List.of(
          Duration.ofSeconds(1),
          Duration.ofSeconds(5),
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(10),
          Duration.ofMinutes(15),
          Duration.ofMinutes(30),
          Duration.ofHours(1),
          Duration.ofHours(2),
          Duration.ofHours(4),
          Duration.ofHours(12),
          Duration.ofDays(1),
          Duration.ofDays(7));

  private RollupIntervals() {}

  /** The intervals not finer than {@code finest}, smallest first. */
  public static List<Duration> from(Duration finest) {
    return ALL.stream().filter(d -> d.compareTo(finest) >= 0).toList();
  }
}
