package dev.tracehouse.store.duckdb;

import java.time.Clock;
import java.time.Instant;

/**
 * The time rows are stamped with in {@code ingest_ns} (when the store accepted them), which
 * retention by age goes by: nanoseconds since the epoch from a {@link Clock} tests can move.
 */
final class IngestClock {
  private final Clock clock;

  IngestClock(Clock clock) {
    this.clock = clock;
  }

  long nowNanos() {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
