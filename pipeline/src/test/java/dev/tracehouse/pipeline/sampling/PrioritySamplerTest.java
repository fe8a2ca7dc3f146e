package dev.tracehouse.pipeline.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracehouse.model.Span;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PrioritySamplerTest {
  private final SimulatedClock clock = SimulatedClock.startingAt(1_700_000_000L);
  private final PrioritySampler sampler = new PrioritySampler(clock, 10);
  private final SplittableRandom random = new SplittableRandom(13);

  /** Sends {@code perSecond} priority-0 chunks of a service each second for {@code seconds}. */
  private void offer(String service, int perSecond, int seconds, double droppedWeight) {
    for (int s = 0; s < seconds; s++) {
      for (int i = 0; i < perSecond; i++) {
        Span root =
            TestChunks.root(random.nextLong())
                .service(service)
                .putMetric(Chunk.PRIORITY_KEY, 0)
                .build();
        sampler.sampleWithPriority(new Chunk(List.of(root), ""), droppedWeight);
      }
      clock.advance(Duration.ofSeconds(1));
    }
  }

  @Test
  void rateByService_startsWithTheDefaultKeyOnly() {
    assertThat(sampler.rateByService()).containsExactly(Map.entry("service:,env:", 1.0));
  }

  @Test
  void rateByService_listsEachServiceAndEnvThenTheDefault() {
    offer("cafe", 100, 6, 0);
    offer("taster", 1, 6, 0);
    Map<String, Double> rates = sampler.rateByService();
    assertThat(rates.keySet())
        .containsExactly(
            "service:cafe,env:workshop", "service:taster,env:workshop", "service:,env:");
    // taster uses at most 1 of the 10 TPS, cafe gets the other 9 or more of its 100
    assertThat(rates.get("service:taster,env:workshop")).isEqualTo(1.0);
    assertThat(rates.get("service:cafe,env:workshop")).isBetween(0.09, 0.1);
    assertThat(rates.get("service:,env:"))
        .isLessThanOrEqualTo(rates.get("service:cafe,env:workshop"));
  }

  @Test
  void rate_fallsAtOnceButRisesAtMost20PercentPerPeriod() {
    offer("cafe", 1000, 10, 0);
    assertThat(sampler.rate("cafe", "workshop"))
        .isCloseTo(0.01, org.assertj.core.data.Offset.offset(0.0001));
    offer("cafe", 10, 30, 0); // quiet for the whole 30 s window
    double previous = sampler.rate("cafe", "workshop");
    for (int period = 0; period < 6; period++) {
      offer("cafe", 10, 5, 0);
      double rate = sampler.rate("cafe", "workshop");
      assertThat(rate)
          .isLessThanOrEqualTo(Math.min(1, previous * RateTracker.MAX_RATE_INCREASE) + 1e-12);
      previous = rate;
    }
    assertThat(previous).isGreaterThan(0.01).isLessThan(1);
  }

  @Test
  void sampleWithPriority_weighsClientDroppedTraces() {
    offer("cafe", 10, 6, 9); // each chunk stands for 10 traces
    assertThat(sampler.rate("cafe", "workshop"))
        .isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.001));
  }

  @Test
  void weight_usesTheClientSampleRate() {
    Span root = TestChunks.root(1).putMetric("_sample_rate", 0.25).build();
    assertThat(PrioritySampler.weight(root)).isEqualTo(4.0);
    assertThat(PrioritySampler.weight(root.toBuilder().putMetric("_sample_rate", 7).build()))
        .isEqualTo(1.0);
  }

  @Test
  void rateByService_forgetsAServiceOnceItsRateIsBackToOne() {
    offer("cafe", 100, 6, 0);
    clock.advance(Duration.ofMinutes(2));
    offer("taster", 1, 6, 0);
    assertThat(sampler.rateByService()).containsKey("service:cafe,env:workshop");
    offer("taster", 1, 60, 0); // 12 periods: 0.12 * 1.2^12 > 1
    assertThat(sampler.rateByService()).doesNotContainKey("service:cafe,env:workshop");
  }

  @Test
  void constructor_rejectsBadTarget() {
    assertThatThrownBy(() -> new PrioritySampler(clock, -1)).hasMessageContaining("targetTps");
    assertThatThrownBy(() -> new PrioritySampler(clock, Double.NaN))
        .hasMessageContaining("targetTps");
  }
}
