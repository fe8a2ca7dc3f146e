package dev.tracehouse.pipeline.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The in-place check agrees with the repairing path: a span it accepts comes out of {@link
 * TagLimits#repair} equal and without a fix (random tags, fixed seed, mostly valid).
 */
class TagLimitsTest {
  private static final int CASES = 20_000;
  private static final List<String> KEYS =
      List.of("env", "http.status_code", "peer.service", "_dd.base_service", "component", "k\t");
  private static final List<String> VALUES =
      List.of("workshop", "Workshop", "200", "99", "abc", "", "a__b", "x\u0000", "ok\nline", "é");
  private final Random random = new Random(20261203L);

  @Test
  void isValid_acceptsOnlySpansThatRepairLeavesAlone() {
    int valid = 0;
    for (int i = 0; i < CASES; i++) {
      Span span = randomSpan();
      if (TagLimits.isValid(span)) {
        valid++;
        Map<FixReason, Long> fixes = SpanNormalizer.newFixes();
        assertThat(TagLimits.repair(span, fixes)).as("case %d", i).isEqualTo(span);
        assertThat(fixes).as("case %d", i).isEmpty();
      }
    }
    assertThat(valid).isBetween(CASES / 20, CASES - CASES / 20);
  }

  @Test
  void apply_returnsTheSpanItself_whenNothingNeedsFixing() {
    Span span =
        base()
            .putMeta("env", "workshop")
            .putMeta("http.status_code", "200")
            .putMetric("x", 1)
            .build();
    Map<FixReason, Long> fixes = SpanNormalizer.newFixes();
    assertThat(TagLimits.apply(span, fixes)).isSameAs(span);
    assertThat(fixes).isEmpty();
  }

  @Test
  void isValid_rejectsLongKeysAndValuesAndBadMetrics() {
    assertThat(TagLimits.isValid(base().putMeta("k".repeat(201), "v").build())).isFalse();
    assertThat(TagLimits.isValid(base().putMeta("k", "v".repeat(25_001)).build())).isFalse();
    assertThat(TagLimits.isValid(base().putMetric("m", Double.NaN).build())).isFalse();
    assertThat(TagLimits.isValid(base().putMetric("m\u0001", 1).build())).isFalse();
    assertThat(TagLimits.isValid(base().putMeta("k".repeat(200), "v".repeat(25_000)).build()))
        .isTrue();
  }

  private Span randomSpan() {
    Span.Builder b = base();
    int meta = random.nextInt(4);
    for (int i = 0; i < meta; i++) {
      b.putMeta(pick(KEYS), pick(VALUES));
    }
    if (random.nextInt(10) == 0) {
      b.putMetric(pick(KEYS), random.nextBoolean() ? Double.POSITIVE_INFINITY : 1.5);
    }
    return b.build();
  }

  private static Span.Builder base() {
    return Span.builder().traceId(TraceId.ofLow(1)).spanId(2).service("cafe").name("op");
  }

  private String pick(List<String> from) {
    return from.get(random.nextInt(from.size()));
  }
}
