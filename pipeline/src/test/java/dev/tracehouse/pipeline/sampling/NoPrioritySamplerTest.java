package dev.tracehouse.pipeline.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Chunks without a priority (OTLP, Zipkin) have their own rates: they neither move nor follow the
 * rates Datadog clients get back for the same service.
 */
class NoPrioritySamplerTest {
  private static final String OWN_KEY = PrioritySampler.key(TestChunks.SERVICE, TestChunks.ENV);

  private final SimulatedClock clock = SimulatedClock.startingAt(1_700_000_000L);
  private final TraceSampler sampler = TraceSampler.create(SamplingConfig.defaults(), clock);
  private final SplittableRandom random = new SplittableRandom(7);

  @Test
  void noPriorityTraffic_doesNotMoveRateByService() {
    long kept = offer(30, null);
    assertThat(kept).as("kept no-priority chunks").isLessThan(30 * 1000 / 2);
    assertThat(sampler.rateByService()).doesNotContainKey(OWN_KEY);
    assertThat(sampler.rateByService()).containsEntry(PrioritySampler.DEFAULT_KEY, 1.0);
  }

  @Test
  void datadogTraffic_doesNotMoveTheNoPriorityRate() {
    offer(30, 0);
    assertThat(sampler.rateByService().get(OWN_KEY)).isLessThan(0.02);
    // Their own sampler has seen nothing yet: it keeps most of a first burst (with the Datadog
    // clients' rate below 0.02 it would keep one or two of them).
    long kept = 0;
    for (int i = 0; i < 100; i++) {
      if (sampler.decide(TestChunks.chunk(random.nextLong(), null)).keep()) {
        kept++;
      }
    }
    assertThat(kept).isGreaterThan(50);
  }

  @Test
  void noPrioritySampler_aimsAtTheTarget_perServiceAndEnv() {
    NoPrioritySampler own = new NoPrioritySampler(clock, 10);
    for (int second = 0; second < 30; second++) {
      for (int i = 0; i < 1000; i++) {
        own.sample(new Chunk(TestChunks.chunk(random.nextLong(), null), ""));
        clock.advance(Duration.ofMillis(1));
      }
    }
    assertThat(own.rate(TestChunks.SERVICE, TestChunks.ENV)).isBetween(0.008, 0.012);
    assertThat(own.rate("another", TestChunks.ENV)).isBetween(0.008, 0.012);
    assertThat(own.rate("another", "")).isLessThanOrEqualTo(own.rate("cafe", TestChunks.ENV));
  }

  /** 1,000 chunks a second of one service for {@code seconds}; how many were kept. */
  private long offer(int seconds, Integer priority) {
    long kept = 0;
    for (int second = 0; second < seconds; second++) {
      for (int i = 0; i < 1000; i++) {
        if (sampler.decide(TestChunks.chunk(random.nextLong(), priority)).keep()) {
          kept++;
        }
        clock.advance(Duration.ofMillis(1));
      }
    }
    return kept;
  }
}
