package dev.tracehouse.store.duckdb;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the dataset generator moves along with the generated spans' time. */
final class SimulatedClock extends Clock {

  private long nanos;

  void set(long epochNanos) {
    nanos = epochNanos;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochSecond(0, nanos);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a simulated clock stays in UTC");
  }
}
