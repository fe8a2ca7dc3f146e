package dev.tracehouse.tracer.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnchoredClockTest {

  private static final long EPOCH_NANOS = 1_795_621_294_000_000_000L;

  /** A wall clock that can be stepped independently of the monotonic counter. */
  private static final class SteppableTime implements TimeSource {
    long wall = EPOCH_NANOS;
    long monotonic = 5_000;

    @Override
    public long epochNanos() {
      return wall;
    }

    @Override
    public long monotonicNanos() {
      return monotonic;
    }
  }

  private final SteppableTime time = new SteppableTime();
  private final AnchoredClock clock = new AnchoredClock(time);

  @Test
  void epochNanos_followsMonotonicClockWithinResyncInterval() {
    time.wall += 7_000;

    assertThat(clock.epochNanos(5_000)).isEqualTo(EPOCH_NANOS);
    assertThat(clock.epochNanos(5_250)).isEqualTo(EPOCH_NANOS + 250);
  }

  @Test
  void epochNanos_picksUpWallClockStepAfterResyncInterval() {
    time.monotonic += AnchoredClock.RESYNC_NANOS;
    time.wall += AnchoredClock.RESYNC_NANOS + 7_000;

    assertThat(clock.epochNanos(time.monotonic))
        .isEqualTo(EPOCH_NANOS + AnchoredClock.RESYNC_NANOS + 7_000);
    assertThat(clock.epochNanos(time.monotonic + 10))
        .isEqualTo(EPOCH_NANOS + AnchoredClock.RESYNC_NANOS + 7_010);
  }
}
