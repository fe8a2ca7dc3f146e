package dev.tracehouse.pipeline.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The already-normalised checks agree with the full rules: whatever they accept, the full rules
 * return unchanged (random strings, fixed seed, mostly made of the characters the rules keep).
 */
class TagsFastPathTest {
  private static final int CASES = 200_000;
  private static final String ALPHABET = "abz09AZ_.:/-_ é#";
  private final Random random = new Random(20261203L);

  @Test
  void isNormalizedTagValue_acceptsOnlyWhatTheFullRulesKeep() {
    int accepted = 0;
    for (int i = 0; i < CASES; i++) {
      String v = randomText(random.nextInt(12));
      if (Tags.isNormalizedTagValue(v)) {
        accepted++;
        assertThat(Tags.normalizeTagValueFully(v)).as("'%s'", v).isEqualTo(v);
      }
    }
    assertThat(accepted).isGreaterThan(CASES / 20);
  }

  @Test
  void isNormalizedMetricName_acceptsOnlyWhatTheFullRulesKeep() {
    int accepted = 0;
    for (int i = 0; i < CASES; i++) {
      String name = randomText(1 + random.nextInt(12));
      if (Tags.isNormalizedMetricName(name)) {
        accepted++;
        assertThat(Tags.normalizeMetricNameFully(name)).as("'%s'", name).isEqualTo(name);
      }
    }
    assertThat(accepted).isGreaterThan(CASES / 50);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cafe", "workshop", "web.request", "a_b", "_a", "a:b/c-d.1", "0"})
  void isNormalizedTagValue_acceptsCommonValues(String v) {
    assertThat(Tags.isNormalizedTagValue(v)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Cafe", "a__b", "a_", "a b", "café", "a\u0000"})
  void isNormalizedTagValue_leavesTheRestToTheFullRules(String v) {
    assertThat(Tags.isNormalizedTagValue(v)).isFalse();
  }

  @Test
  void isNormalizedTagValue_stopsAtTheTagLength() {
    assertThat(Tags.isNormalizedTagValue("a".repeat(Tags.MAX_TAG_CHARS))).isTrue();
    assertThat(Tags.isNormalizedTagValue("a".repeat(Tags.MAX_TAG_CHARS + 1))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"web.request", "http.request", "cafe_order", "A1", "a..b"})
  void isNormalizedMetricName_acceptsCommonNames(String name) {
    assertThat(Tags.isNormalizedMetricName(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1a", "_a", "a_", "a__b", "a_.b", "a._b", "a-b", "a b"})
  void isNormalizedMetricName_leavesTheRestToTheFullRules(String name) {
    assertThat(Tags.isNormalizedMetricName(name)).isFalse();
  }

  private String randomText(int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }
}
