package dev.tracehouse.pipeline.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.model.Span;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AnalyzedSpansTest {
  private final SimulatedClock clock = SimulatedClock.startingAt(1_700_000_000L);
  private final SplittableRandom random = new SplittableRandom(11);

  private AnalyzedSpans analyzed(String rules, double maxEps) {
    return new AnalyzedSpans(AnalyzedSpanRules.parse(rules), maxEps, clock);
  }

  private static Chunk chunk(Span.Builder root, int priority) {
    Span r = root.putMetric(Chunk.PRIORITY_KEY, priority).build();
    return new Chunk(List.of(r, TestChunks.child(r).build()), "");
  }

  @Test
  void extract_metricWinsOverTheFixedRate() {
    AnalyzedSpans analyzed = analyzed("cafe|servlet.request=1", 200);
    Chunk noMetric = chunk(TestChunks.root(random.nextLong()), 0);
    assertThat(analyzed.extract(noMetric))
        .singleElement()
        .extracting(Span::name)
        .isEqualTo("servlet.request");
    Chunk metricZero =
        chunk(TestChunks.root(random.nextLong()).putMetric(AnalyzedSpans.EXTRACTION_RATE, 0), 0);
    assertThat(analyzed.extract(metricZero)).isEmpty();
  }

  @Test
  void extract_rateIsDeterministicOnTheTraceIdAndRecorded() {
    AnalyzedSpans analyzed = analyzed("cafe|servlet.request=0.5", 1e9);
    int extracted = 0;
    for (int i = 0; i < 10_000; i++) {
      long id = random.nextLong();
      List<Span> events = analyzed.extract(chunk(TestChunks.root(id), 0));
      assertThat(events.isEmpty()).isEqualTo(!RateCheck.keep(id, 0.5));
      for (Span e : events) {
        assertThat(e.metrics())
            .containsEntry(AnalyzedSpans.EXTRACTION_RATE, 0.5)
            .containsEntry(AnalyzedSpans.ANALYZED, 1.0);
        extracted++;
      }
    }
    assertThat(extracted).isBetween(4_800, 5_200);
  }

  @Test
  void extract_userKeepRaisesThePositiveRateToOne() {
    AnalyzedSpans analyzed = analyzed("", 200);
    int extracted = 0;
    for (int i = 0; i < 100; i++) {
      Chunk c =
          chunk(
              TestChunks.root(random.nextLong()).putMetric(AnalyzedSpans.EXTRACTION_RATE, 0.1), 2);
      List<Span> events = analyzed.extract(c);
      extracted += events.size();
      events.forEach(e -> assertThat(e.metrics()).doesNotContainKey(AnalyzedSpans.EXTRACTION_RATE));
    }
    assertThat(extracted).isEqualTo(100);
  }

  @Test
  void extract_recordsTheClientRate() {
    Chunk c =
        chunk(
            TestChunks.root(random.nextLong())
                .putMetric("_sample_rate", 0.5)
                .putMetric(AnalyzedSpans.EXTRACTION_RATE, 1),
            1);
    assertThat(analyzed("", 200).extract(c))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.metrics())
                    .containsEntry(AnalyzedSpans.CLIENT_RATE, 0.5)
                    .doesNotContainKeys(
                        AnalyzedSpans.MAX_EPS_RATE, AnalyzedSpans.PRE_SAMPLER_RATE));
  }

  @Test
  void extract_capsEventsPerSecondExceptUserKeep() {
    AnalyzedSpans analyzed = analyzed("cafe|servlet.request=1", 200);
    int[] perSecond = new int[10];
    int userKept = 0;
    for (int second = 0; second < 10; second++) {
      for (int i = 0; i < 1000; i++) {
        List<Span> events = analyzed.extract(chunk(TestChunks.root(random.nextLong()), 0));
        perSecond[second] += events.size();
        if (second > 0) {
          events.forEach(
              e -> assertThat(e.metrics().get(AnalyzedSpans.MAX_EPS_RATE)).isLessThan(1));
        }
        userKept += analyzed.extract(chunk(TestChunks.root(random.nextLong()), 2)).size();
        clock.advance(Duration.ofMillis(1));
      }
    }
    for (int second = 1; second < 10; second++) {
      assertThat(perSecond[second]).as("second %d", second).isBetween(160, 240);
    }
    assertThat(userKept).isEqualTo(10_000);
  }
}
