package dev.tracehouse.pipeline.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracehouse.model.Span;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceSamplerTest {
  private final SimulatedClock clock = SimulatedClock.startingAt(1_700_000_000L);
  private final SplittableRandom random = new SplittableRandom(7);

  private TraceSampler sampler(String analyzedSpans) {
    SamplingConfig d = SamplingConfig.defaults();
    return TraceSampler.create(
        new SamplingConfig(
            d.targetTps(),
            d.errorTps(),
            true,
            d.rareTps(),
            d.rareCooldown(),
            d.maxEps(),
            AnalyzedSpanRules.parse(analyzedSpans),
            ""),
        clock);
  }

  @Test
  void decide_writesTheExtraTagWithTheReasonOnEveryStoredSpan() {
    KeptSpanTag position =
        new KeptSpanTag() {
          @Override
          public String key() {
            return "position";
          }

          @Override
          public String[] values(List<Span> kept) {
            assertThat(kept)
                .allSatisfy(s -> assertThat(s.meta()).doesNotContainKey(Reason.META_KEY));
            return java.util.stream.IntStream.range(0, kept.size())
                .mapToObj(Integer::toString)
                .toArray(String[]::new);
          }
        };
    TraceSampler sampler = TraceSampler.create(SamplingConfig.defaults(), clock, position);

    Decision kept = sampler.decide(TestChunks.chunk(42, 2));

    assertThat(kept.spans())
        .extracting(s -> s.meta().get("position") + "/" + s.meta().get(Reason.META_KEY))
        .containsExactly("0/manual", "1/manual");
  }

  @Test
  void decide_userKeepAlwaysStoredAndUserDropNever() {
    TraceSampler sampler = sampler("cafe|servlet.request=1");
    for (int i = 0; i < 5000; i++) {
      Decision keep = sampler.decide(TestChunks.chunk(random.nextLong(), 2));
      assertThat(keep.keepsWholeChunk()).isTrue();
      assertThat(keep.spans()).hasSize(2);
      // error, rare-looking and analyzed: none of it rescues a user drop
      List<Span> drop = TestChunks.errorChunk(random.nextLong(), -1);
      assertThat(sampler.decide(drop).keep()).isFalse();
      clock.advance(Duration.ofMillis(1));
    }
    assertThat(sampler.droppedChunks()).isEqualTo(5000);
    assertThat(sampler.droppedSpans()).isEqualTo(10_000);
  }

  @Test
  void decide_userPrioritiesDoNotTeachTheRates() {
    TraceSampler sampler = sampler("");
    for (int i = 0; i < 20_000; i++) {
      sampler.decide(TestChunks.chunk(random.nextLong(), i % 2 == 0 ? 2 : -1));
      clock.advance(Duration.ofMillis(1));
    }
    assertThat(sampler.rateByService()).containsExactly(java.util.Map.entry("service:,env:", 1.0));
  }

  @ParameterizedTest
  @CsvSource({
    "1,-0,auto",
    "1,-1,auto",
    "1,,auto",
    "2,-3,rule",
    "2,-6,rule",
    "2,-4,manual",
    "2,,manual",
    "2,-5,appsec"
  })
  void decide_reasonFollowsTheDecisionMaker(int priority, String dm, String reason) {
    Span.Builder root = TestChunks.root(random.nextLong()).putMetric(Chunk.PRIORITY_KEY, priority);
    if (dm != null) {
      root.putMeta(Chunk.DECISION_MAKER_KEY, dm);
    }
    Decision decision = sampler("").decide(List.of(root.build()));
    assertThat(decision.reason().map(Reason::tag)).contains(reason);
    assertThat(decision.spans())
        .allSatisfy(s -> assertThat(s.meta()).containsEntry(Reason.META_KEY, reason));
  }

  @Test
  void decide_keptErrorChunkIsAutoNotError() {
    Decision decision = sampler("").decide(TestChunks.errorChunk(random.nextLong(), 1));
    assertThat(decision.reason()).contains(Reason.AUTO);
    assertThat(decision.spans().get(0).metrics()).doesNotContainKey(ErrorSampler.RATE_KEY);
  }

  @Test
  void decide_errorSamplerOffDropsErrorChunks() {
    SamplingConfig d = SamplingConfig.defaults();
    TraceSampler sampler =
        TraceSampler.create(
            new SamplingConfig(
                10, 0, false, 5, d.rareCooldown(), 200, AnalyzedSpanRules.none(), ""),
            clock);
    assertThat(sampler.decide(TestChunks.errorChunk(random.nextLong(), 0)).keep()).isFalse();
  }

  @Test
  void decide_keepsAnalyzedSpansOfADroppedChunkAlone() {
    TraceSampler sampler = sampler("CAFE|SQLITE.QUERY=1");
    Span.Builder root = TestChunks.root(random.nextLong()).putMetric(Chunk.PRIORITY_KEY, 0);
    Span r = root.build();
    // the rare sampler keeps the first chunk of a new combination: let a kept chunk register it
    sampler.decide(List.of(r.toBuilder().putMetric(Chunk.PRIORITY_KEY, 1).build()));
    Decision decision = sampler.decide(List.of(r, TestChunks.child(r).build()));
    assertThat(decision.reason()).contains(Reason.ANALYZED);
    assertThat(decision.keepsWholeChunk()).isFalse();
    assertThat(decision.spans())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.name()).isEqualTo("sqlite.query");
              assertThat(s.metrics()).containsEntry(AnalyzedSpans.ANALYZED, 1.0);
              assertThat(s.meta()).containsEntry(Reason.META_KEY, "analyzed");
            });
    assertThat(sampler.keptChunks(Reason.ANALYZED)).isEqualTo(1);
    assertThat(sampler.droppedSpans()).isEqualTo(1);
  }

  @Test
  void decide_marksAnalyzedSpansInsideAKeptChunk() {
    Span r =
        TestChunks.root(random.nextLong())
            .putMetric(Chunk.PRIORITY_KEY, 1)
            .putMetric(AnalyzedSpans.EXTRACTION_RATE, 1)
            .build();
    Decision decision = sampler("").decide(List.of(r, TestChunks.child(r).build()));
    assertThat(decision.spans()).hasSize(2);
    assertThat(decision.spans().get(0).metrics())
        .containsEntry(AnalyzedSpans.ANALYZED, 1.0)
        .doesNotContainKey(AnalyzedSpans.EXTRACTION_RATE);
    assertThat(decision.spans().get(1).metrics()).doesNotContainKey(AnalyzedSpans.ANALYZED);
  }

  @Test
  void decide_keepsSingleSpanSampledSpansOfADroppedChunk() {
    TraceSampler sampler = sampler("");
    Span r = TestChunks.root(random.nextLong()).putMetric(Chunk.PRIORITY_KEY, 1).build();
    sampler.decide(List.of(r)); // registers the root's combination with the rare sampler
    Span dropped = r.toBuilder().putMetric(Chunk.PRIORITY_KEY, 0).build();
    Span child = TestChunks.child(dropped).putMetric(TraceSampler.SPAN_SAMPLING_KEY, 8).build();
    Decision decision = sampler.decide(List.of(dropped, child));
    assertThat(decision.reason()).contains(Reason.SINGLE_SPAN);
    assertThat(decision.spans()).extracting(Span::spanId).containsExactly(child.spanId());
  }

  @Test
  void decide_rejectsBadInput() {
    TraceSampler sampler = sampler("");
    assertThatThrownBy(() -> sampler.decide(List.of())).hasMessageContaining("no spans");
    List<Span> chunk = TestChunks.chunk(1, 1);
    assertThatThrownBy(() -> sampler.decide(chunk, -1))
        .hasMessageContaining("clientDroppedP0Weight");
    assertThatThrownBy(() -> sampler.decide(chunk, Double.NaN))
        .hasMessageContaining("clientDroppedP0Weight");
  }

  @Test
  void rareSampler_canBeSwitchedAtRunTime() {
    TraceSampler sampler = TraceSampler.create(SamplingConfig.defaults(), clock);
    assertThat(sampler.isRareSamplerEnabled()).isFalse();
    // priority 0 and target not yet reached: only rare could keep this
    assertThat(sampler.decide(TestChunks.chunk(3, 0)).keep()).isFalse();
    sampler.setRareSamplerEnabled(true);
    Decision decision = sampler.decide(TestChunks.chunk(4, 0));
    assertThat(decision.reason()).contains(Reason.RARE);
    assertThat(decision.spans().get(0).metrics()).containsEntry(RareSampler.RARE_KEY, 1.0);
  }
}
