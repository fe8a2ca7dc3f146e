package dev.tracehouse.tracer.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private final FakeTime time = new FakeTime(0);
  private final RateLimiter limiter = new RateLimiter(2, time);

  @Test
  void tryAcquire_letsThroughTheLimitPerSecondWindow() {
    assertThat(limiter.effectiveRate()).isEqualTo(1.0);
    assertThat(limiter.tryAcquire()).isTrue();
    assertThat(limiter.tryAcquire()).isTrue();
    assertThat(limiter.tryAcquire()).isFalse();
    assertThat(limiter.tryAcquire()).isFalse();
    assertThat(limiter.effectiveRate()).isEqualTo(0.5);

    time.advance(TimeUnit.MILLISECONDS.toNanos(999));
    assertThat(limiter.tryAcquire()).isFalse();

    time.advance(TimeUnit.MILLISECONDS.toNanos(1));
    assertThat(limiter.tryAcquire()).isTrue();
    assertThat(limiter.effectiveRate()).isEqualTo(1.0);
  }
}
