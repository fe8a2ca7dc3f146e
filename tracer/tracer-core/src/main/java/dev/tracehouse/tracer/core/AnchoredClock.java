package dev.tracehouse.tracer.core;

import java.util.concurrent.TimeUnit;

/**
 * Wall-clock time computed from a monotonic reading: the wall clock is read (with {@link
 * TimeSource#epochNanos()}, which costs more than {@link System#nanoTime()}) only to re-anchor, at
 * most once per {@link #RESYNC_NANOS}. A step of the system clock is thus picked up within that
 * interval. Safe for concurrent use: racing threads may each re-anchor, which is harmless.
 */
final class AnchoredClock {

  static final long RESYNC_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final TimeSource time;
  private volatile Anchor anchor;

  AnchoredClock(TimeSource time) {
    this.time = time;
    this.anchor = Anchor.read(time);
  }

  /** The wall-clock nanoseconds at the moment {@code time.monotonicNanos()} returned that value. */
  long epochNanos(long monotonicNanos) {
    Anchor current = anchor;
    if (monotonicNanos - current.monotonic() >= RESYNC_NANOS) {
      current = Anchor.read(time);
      anchor = current;
    }
    return current.wall() + (monotonicNanos - current.monotonic());
  }

  private record Anchor(long wall, long monotonic) {
    static Anchor read(TimeSource time) {
      return new Anchor(time.epochNanos(), time.monotonicNanos());
    }
  }
}
