package dev.tracehouse.pipeline.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.model.Span;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 4: one simulated minute of 1,000 traces/s for one service, on a simulated clock. Kept
 * traces per second must settle within 20 % of the 10/s target over the last 20 seconds, for a
 * Datadog client applying {@code rate_by_service}, for chunks without a priority, and for both at
 * once (each has its own sampler, as in the agent). The HTTP version is the e2e {@code
 * SamplingAcceptanceIT}.
 */
class SamplingSimulationTest {
  private static final int SECONDS = 60;
  private static final int TRACES_PER_SECOND = 1000;
  private static final String OWN_KEY = "service:cafe,env:workshop";

  private final SimulatedClock clock = SimulatedClock.startingAt(1_700_000_000L);
  private final TraceSampler sampler = TraceSampler.create(SamplingConfig.defaults(), clock);
  private final SplittableRandom random = new SplittableRandom(42);

  @Test
  void datadogClient_applyingRateByService_settlesNearTarget() {
    Map<String, Double> rates = Map.of();
    long[] kept = new long[SECONDS];
    for (int second = 0; second < SECONDS; second++) {
      for (int i = 0; i < TRACES_PER_SECOND; i++) {
        double rate =
            rates.getOrDefault(OWN_KEY, rates.getOrDefault(PrioritySampler.DEFAULT_KEY, 1.0));
        long traceId = random.nextLong();
        boolean clientKeeps = RateCheck.keep(traceId, rate);
        Decision decision = sampler.decide(clientChunk(traceId, clientKeeps, rate));
        assertThat(decision.keep()).isEqualTo(clientKeeps);
        if (decision.keep()) {
          assertThat(decision.reason()).contains(Reason.AUTO);
          kept[second]++;
        }
        clock.advance(Duration.ofMillis(1));
      }
      rates = sampler.rateByService(); // the tracer's writer flushes once a second
    }
    assertThat(sumOfLast(20, kept) / 20.0).isBetween(8.0, 12.0);
    assertThat(rates.get(OWN_KEY)).isBetween(0.008, 0.012);
    assertThat(sampler.droppedChunks())
        .isEqualTo(SECONDS * TRACES_PER_SECOND - sumOfLast(SECONDS, kept));
  }

  @Test
  void chunksWithoutPriority_areSampledByTheAgentToTheSameTarget() {
    long[] kept = new long[SECONDS];
    for (int second = 0; second < SECONDS; second++) {
      for (int i = 0; i < TRACES_PER_SECOND; i++) {
        Decision decision = sampler.decide(TestChunks.chunk(random.nextLong(), null));
        if (decision.keep()) {
          assertThat(decision.reason()).contains(Reason.AUTO);
          kept[second]++;
        }
        clock.advance(Duration.ofMillis(1));
      }
    }
    assertThat(sumOfLast(20, kept) / 20.0).isBetween(8.0, 12.0);
  }

  @Test
  void datadogAndNoPriorityTraffic_ofOneService_eachSettleNearTheTarget() {
    Map<String, Double> rates = Map.of();
    long[] clientKept = new long[SECONDS];
    long[] agentKept = new long[SECONDS];
    for (int second = 0; second < SECONDS; second++) {
      for (int i = 0; i < TRACES_PER_SECOND; i++) {
        double rate =
            rates.getOrDefault(OWN_KEY, rates.getOrDefault(PrioritySampler.DEFAULT_KEY, 1.0));
        long traceId = random.nextLong();
        boolean clientKeeps = RateCheck.keep(traceId, rate);
        if (sampler.decide(clientChunk(traceId, clientKeeps, rate)).keep()) {
          clientKept[second]++;
        }
        if (sampler.decide(TestChunks.chunk(random.nextLong(), null)).keep()) {
          agentKept[second]++;
        }
        clock.advance(Duration.ofMillis(1));
      }
      rates = sampler.rateByService();
    }
    assertThat(sumOfLast(20, clientKept) / 20.0).isBetween(8.0, 12.0);
    assertThat(sumOfLast(20, agentKept) / 20.0).isBetween(8.0, 12.0);
  }

  @Test
  void errorSampler_keepsDroppedErrorTracesNearItsRate() {
    long[] errorKeeps = new long[SECONDS];
    for (int second = 0; second < SECONDS; second++) {
      for (int i = 0; i < 100; i++) {
        Decision decision = sampler.decide(TestChunks.errorChunk(random.nextLong(), 0));
        if (decision.keep()) {
          assertThat(decision.reason()).contains(Reason.ERROR);
          assertThat(decision.spans().get(0).metrics()).containsKey(ErrorSampler.RATE_KEY);
          errorKeeps[second]++;
        }
        clock.advance(Duration.ofMillis(10));
      }
    }
    assertThat(sumOfLast(20, errorKeeps) / 20.0).isBetween(8.0, 12.0);
  }

  /** A chunk as dd-java-agent sends it after applying an agent rate. */
  private static List<Span> clientChunk(long traceId, boolean keep, double rate) {
    Span.Builder root =
        TestChunks.root(traceId)
            .putMetric(Chunk.PRIORITY_KEY, keep ? 1 : 0)
            .putMetric("_dd.agent_psr", rate);
    if (keep) {
      root.putMeta(Chunk.DECISION_MAKER_KEY, "-1");
    }
    Span r = root.build();
    return List.of(r, TestChunks.child(r).build());
  }

  private static long sumOfLast(int n, long[] perSecond) {
    long sum = 0;
    for (int i = perSecond.length - n; i < perSecond.length; i++) {
      sum += perSecond[i];
    }
    return sum;
  }
}
