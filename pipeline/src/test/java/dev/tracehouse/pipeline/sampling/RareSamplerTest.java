package dev.tracehouse.pipeline.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.model.Span;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RareSamplerTest {
  private final SimulatedClock clock = SimulatedClock.startingAt(1_700_000_000L);
  private final RareSampler rare = new RareSampler(clock, true, 5, Duration.ofMinutes(5));

  private static Chunk chunk(String resource, int priority) {
    Span root =
        TestChunks.root(resource.hashCode())
            .resource(resource)
            .putMetric(Chunk.PRIORITY_KEY, priority)
            .build();
    return new Chunk(List.of(root, TestChunks.child(root).build()), "");
  }

  @Test
  void sample_keepsANewCombinationOnceUntilItsCooldownEnds() {
    assertThat(rare.sample(chunk("GET /a", 0), false)).hasValue(0);
    assertThat(rare.sample(chunk("GET /a", 0), false)).isEmpty();
    assertThat(rare.sample(chunk("GET /b", 0), false)).hasValue(0);
    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    assertThat(rare.sample(chunk("GET /a", 0), false)).hasValue(0);
  }

  @Test
  void sample_combinationSeenInAKeptChunkIsNotRare() {
    assertThat(rare.sample(chunk("GET /a", 1), true)).isEmpty();
    clock.advance(Duration.ofMinutes(9));
    assertThat(rare.sample(chunk("GET /a", 0), false)).isEmpty();
    clock.advance(Duration.ofMinutes(2));
    assertThat(rare.sample(chunk("GET /a", 0), false)).hasValue(0);
  }

  @Test
  void sample_errorTypeAndStatusMakeNewCombinations() {
    Chunk plain = chunk("GET /a", 0);
    rare.sample(plain, false);
    Span withStatus = plain.root.toBuilder().putMeta("http.status_code", "500").build();
    assertThat(rare.sample(new Chunk(List.of(withStatus), ""), false)).hasValue(0);
    Span withError = plain.root.toBuilder().putMeta("error.type", "java.io.IOException").build();
    assertThat(rare.sample(new Chunk(List.of(withError), ""), false)).hasValue(0);
  }

  @Test
  void sample_ignoresSpansThatAreNeitherTopLevelNorMeasured() {
    Chunk known = chunk("GET /a", 0);
    rare.sample(known, false);
    Span newChild = TestChunks.child(known.root).resource("SELECT 2").build();
    assertThat(rare.sample(new Chunk(List.of(known.root, newChild), ""), false)).isEmpty();
    Span measured = newChild.toBuilder().putMetric("_dd.measured", 1).build();
    assertThat(rare.sample(new Chunk(List.of(known.root, measured), ""), false)).hasValue(1);
  }

  @Test
  void sample_isLimitedToItsRateAfterABurstOf50() {
    int kept = 0;
    for (int i = 0; i < 100; i++) {
      kept += rare.sample(chunk("GET /burst/" + i, 0), false).isPresent() ? 1 : 0;
    }
    assertThat(kept).isEqualTo(50);
    int keptLater = 0;
    for (int second = 0; second < 10; second++) {
      clock.advance(Duration.ofSeconds(1));
      for (int i = 0; i < 20; i++) {
        keptLater +=
            rare.sample(chunk("GET /later/" + second + "/" + i, 0), false).isPresent() ? 1 : 0;
      }
    }
    assertThat(keptLater).isEqualTo(50);
  }

  @Test
  void sample_memoryIsBoundedPerService() {
    RareSampler fast = new RareSampler(clock, true, 1_000_000, Duration.ofMinutes(5));
    int kept = 0;
    for (int i = 0; i < 1000; i++) {
      clock.advance(Duration.ofMillis(1));
      kept += fast.sample(chunk("GET /item/" + i, 0), false).isPresent() ? 1 : 0;
    }
    assertThat(kept).isEqualTo(200);
  }

  @Test
  void sample_offKeepsNothing() {
    rare.setEnabled(false);
    assertThat(rare.sample(chunk("GET /a", 0), false)).isEmpty();
    assertThat(rare.isEnabled()).isFalse();
  }
}
