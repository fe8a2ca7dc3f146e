package dev.tracehouse.tracer.core;

/**
 * A hand-driven clock: the wall clock stays put, the monotonic counter moves by {@link #advance}.
 */
final class FakeTime implements TimeSource {

  private final long epochNanos;
  private long monotonic = 1_000;

  FakeTime(long epochNanos) {
    this.epochNanos = epochNanos;
  }

  void advance(long nanos) {
    monotonic += nanos;
  }

  @Override
  public long epochNanos() {
    return epochNanos;
  }

  @Override
  public long monotonicNanos() {
    return monotonic;
  }
}
