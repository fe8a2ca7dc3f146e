package dev.tracehouse.query.stats;

import dev.tracehouse.store.ServiceMapQuery;
import dev.tracehouse.store.StatsQuery;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The time window and environment of a statistics request: stats buckets whose start is in {@code
 * [fromMs, toMs)}. A 10 s bucket that starts inside the window counts whole, so unaligned bounds
 * are rounded to the stats buckets.
 *
 * @param fromMs start, inclusive, milliseconds since the epoch
 * @param toMs end, exclusive, milliseconds since the epoch
 * @param env only this environment ({@code ""} for spans without one); empty for every one
 */
public record StatsWindow(long fromMs, long toMs, Optional<String> env) {

  /** The longest window served: reads are not bounded otherwise (a day is 8,640 buckets). */
  public static final Duration MAX_LENGTH = Duration.ofDays(31);

  /** The latest time accepted (nanoseconds must fit a {@code long}). */
  static final long MAX_MS = Long.MAX_VALUE / 1_000_000;

  /**
   * @throws IllegalArgumentException naming {@code from} or {@code to} when the window is empty,
   *     reversed, before the epoch, after 2262 or longer than {@link #MAX_LENGTH}
   */
  public StatsWindow {
    Objects.requireNonNull(env, "env");
    if (fromMs < 0 || fromMs > MAX_MS) {
      throw new IllegalArgumentException("from: out of range (" + fromMs + " ms since the epoch)");
    }
    if (toMs < 0 || toMs > MAX_MS) {
      throw new IllegalArgumentException("to: out of range (" + toMs + " ms since the epoch)");
    }
    if (fromMs >= toMs) {
      throw new IllegalArgumentException("from (" + fromMs + ") must be before to (" + toMs + ")");
    }
    if (toMs - fromMs > MAX_LENGTH.toMillis()) {
      throw new IllegalArgumentException(
          "from/to: the window is longer than " + MAX_LENGTH.toDays() + " days");
    }
  }

  /** The window without an environment filter. */
  public static StatsWindow of(long fromMs, long toMs) {
    return new StatsWindow(fromMs, toMs, Optional.empty());
  }

  /** Length in seconds. */
  double seconds() {
    return (toMs - fromMs) / 1000.0;
  }

  StatsQuery statsQuery() {
    return StatsQuery.between(fromMs * 1_000_000, toMs * 1_000_000).withEnv(env.orElse(null));
  }

  ServiceMapQuery serviceMapQuery() {
    return ServiceMapQuery.between(fromMs * 1_000_000, toMs * 1_000_000).withEnv(env.orElse(null));
  }
}
