package dev.tracehouse.tracer.core;

import java.time.Instant;

/** Wall-clock and monotonic time, replaceable in tests. */
interface TimeSource {

  /** Nanoseconds since the epoch (wall clock). */
  long epochNanos();

  /** A monotonic nanosecond counter, like {@link System#nanoTime()}. */
  long monotonicNanos();

  static TimeSource system() {
    return new TimeSource() {
      @Override
      public long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
      }

      @Override
      public long monotonicNanos() {
        return System.nanoTime();
      }
    };
  }
}
