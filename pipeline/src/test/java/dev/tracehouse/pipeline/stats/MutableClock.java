package dev.tracehouse.pipeline.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand, in nanoseconds since the epoch. */
final class MutableClock extends Clock {
  private long nanos;

  MutableClock(long nanos) {
    this.nanos = nanos;
  }

  void set(long nanos) {
    this.nanos = nanos;
  }

  void advanceSeconds(long seconds) {
    nanos += seconds * 1_000_000_000L;
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
    throw new UnsupportedOperationException("tests use UTC");
  }
}
