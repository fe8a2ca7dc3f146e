package dev.tracehouse.pipeline.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random spans (fixed seed): the output is bounded, valid, and normalising it again is a no-op. */
class NormalizerPropertyTest {
  private static final int CASES = 10_000;
  private static final String ALPHABET = "aZ09 _-.:/@#!\t\n\u0000\u007féßİſ繋🐶\uD800\uDC00\uFFFD";
  private final Normalizer normalizer =
      new Normalizer(Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));
  private final Random random = new Random(20261125L);

  @Test
  void normalize_isIdempotentAndBounded_forRandomSpans() {
    for (int i = 0; i < CASES; i++) {
      Span in = randomSpan();
      NormalizationResult first = normalizer.normalizeChunk(List.of(in), randomText(8));
      assertThat(first.chunks()).hasSize(1);
      Span once = first.spans().get(0);
      assertBounded(once);
      Span twice = normalizer.normalizeChunk(List.of(once), "x").spans().get(0);
      assertThat(twice).as("case %d: %s", i, in).isEqualTo(once);
    }
  }

  private void assertBounded(Span s) {
    assertThat(Text.utf8Length(s.service())).isBetween(1, 100);
    assertThat(Text.utf8Length(s.name())).isBetween(1, 100);
    assertThat(Text.utf8Length(s.resource())).isBetween(1, 5000);
    assertThat(Text.utf8Length(s.type())).isLessThanOrEqualTo(100);
    assertThat(s.duration()).isNotNegative();
    assertThat(s.start()).isGreaterThanOrEqualTo(SpanNormalizer.YEAR_2000_NANOS);
    assertValid(s.service(), false);
    assertValid(s.name(), false);
    assertValid(s.resource(), true);
    assertValid(s.type(), false);
    s.meta()
        .forEach(
            (k, v) -> {
              assertThat(Text.utf8Length(k)).isLessThanOrEqualTo(200);
              assertThat(Text.utf8Length(v)).isLessThanOrEqualTo(25_000);
              assertValid(k, false);
              assertValid(v, true);
            });
    s.metrics()
        .forEach(
            (k, v) -> {
              assertThat(Text.utf8Length(k)).isLessThanOrEqualTo(200);
              assertThat(v).isFinite();
              assertValid(k, false);
            });
  }

  private static void assertValid(String s, boolean layoutAllowed) {
    assertThat(Text.hasLoneSurrogate(s)).as("lone surrogate in %s", s).isFalse();
    assertThat(Text.hasControl(s, layoutAllowed)).as("control character in %s", s).isFalse();
  }

  private Span randomSpan() {
    Span.Builder b =
        Span.builder()
            .traceId(new TraceId(random.nextLong(), random.nextLong() | 1))
            .spanId(random.nextLong() | 1)
            .parentId(random.nextInt(3) == 0 ? 0 : random.nextLong())
            .service(randomText(random.nextInt(4) == 0 ? 300 : 20))
            .name(randomText(random.nextInt(4) == 0 ? 300 : 20))
            .resource(randomText(random.nextInt(10) == 0 ? 6000 : 30))
            .type(randomText(random.nextInt(10) == 0 ? 150 : 6))
            .start(randomTime())
            .duration(
                random.nextInt(5) == 0
                    ? -random.nextLong()
                    : random.nextLong() >>> random.nextInt(64))
            .error(random.nextBoolean());
    int meta = random.nextInt(5);
    for (int i = 0; i < meta; i++) {
      String[] known = {"env", "http.status_code", "peer.service", "_dd.base_service"};
      String key =
          random.nextBoolean()
              ? known[random.nextInt(known.length)]
              : randomText(random.nextInt(10) == 0 ? 260 : 10);
      b.putMeta(key, randomText(random.nextInt(50) == 0 ? 26_000 : 12));
    }
    int metrics = random.nextInt(4);
    double[] values = {Double.NaN, Double.POSITIVE_INFINITY, 1.0, -3.5, random.nextGaussian()};
    for (int i = 0; i < metrics; i++) {
      b.putMetric(
          randomText(random.nextInt(10) == 0 ? 260 : 10), values[random.nextInt(values.length)]);
    }
    return b.build();
  }

  private long randomTime() {
    return switch (random.nextInt(4)) {
      case 0 -> random.nextLong();
      case 1 -> random.nextInt(1_000_000);
      default -> 1_795_000_000_000_000_000L + random.nextInt(1_000_000_000);
    };
  }

  private String randomText(int maxLength) {
    int length = random.nextInt(maxLength + 1);
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
