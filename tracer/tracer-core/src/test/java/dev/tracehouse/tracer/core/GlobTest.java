package dev.tracehouse.tracer.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

  @ParameterizedTest
  @CsvSource({
    "cafe, cafe, true",
    "cafe, CAFE, true",
    "Cafe, cafe, true",
    "cafe, cafes, false",
    "caf?, cafe, true",
    "caf?, caf, false",
    "c*e, cafe, true",
    "c*e, ce, true",
    "c*e, cafes, false",
    "*.request, http.request, true",
    "*.request, http.response, false",
    "a*b*c, aXbYbZc, true",
    "a*b*c, aXbYbZ, false",
    "**, anything, true",
    "*, '', true",
    "'', '', true",
    "'', x, false",
    "?, '', false",
  })
  void matches_likeDatadogSamplingRules(String pattern, String text, boolean expected) {
    assertThat(Glob.of(pattern).matches(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"*, true", "***, true", "a*, false"})
  void matches_nullOnlyForMatchAll(String pattern, boolean expected) {
    assertThat(Glob.of(pattern).matches(null)).isEqualTo(expected);
    assertThat(Glob.of(null).matches(null)).isTrue();
  }
}
