package dev.tracehouse.pipeline.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnalyzedSpanRulesTest {
  @Test
  void parse_readsEveryTokenAndIgnoresCaseOnLookup() {
    AnalyzedSpanRules rules =
        AnalyzedSpanRules.parse("cafe|flask.request=1, Taster|Flask.Request=0.25");
    assertThat(rules.rate("CAFE", "Flask.Request")).hasValue(1.0);
    assertThat(rules.rate("taster", "flask.request")).hasValue(0.25);
    assertThat(rules.rate("cafe", "other")).isEmpty();
  }

  @Test
  void parse_blankOrNullGivesNoRules() {
    assertThat(AnalyzedSpanRules.parse(null).isEmpty()).isTrue();
    assertThat(AnalyzedSpanRules.parse("  ").isEmpty()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cafe|flask.request",
        "cafe=1",
        "cafe|a|b=1",
        "cafe|op=abc",
        "cafe|op=1.5",
        "cafe|op=-0.5",
        "cafe|op=1d",
        "cafe|op=NaN",
        "|op=1",
        "cafe|=1",
        "cafe|op=1=2",
        "cafe|op="
      })
  void parse_rejectsAMalformedTokenNamingIt(String token) {
    assertThatThrownBy(() -> AnalyzedSpanRules.parse("good|op=1," + token))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DD_APM_ANALYZED_SPANS")
        .hasMessageContaining("'" + token + "'");
  }

  @Test
  void parse_rejectsAnEmptyToken() {
    assertThatThrownBy(() -> AnalyzedSpanRules.parse("cafe|op=1,"))
        .hasMessageContaining("malformed token ''");
  }
}
