package dev.tracehouse.query.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeExpressionsTest {

  private static final Instant NOW = Instant.parse("2020-01-01T13:00:00Z");

  @ParameterizedTest
  @CsvSource({
    "1577883600000, 1577883600000",
    "0, 0",
    "2020-01-01T13:00:00Z, 1577883600000",
    "2020-01-01T14:00:00+01:00, 1577883600000",
    "2020-01-01T13:00:00.250Z, 1577883600250",
    "now, 1577883600000",
    "now-15m, 1577882700000",
    "now-30s, 1577883570000",
    "now-1h, 1577880000000",
    "now-2d, 1577710800000",
    "now-1w, 1577278800000"
  })
  void parse_readsEveryForm(String text, long expected) {
    assertThat(TimeExpressions.parse("from", text, NOW)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "yesterday",
        "now-",
        "now-15",
        "now-15y",
        "now+1h",
        "-5",
        "2020-01-01",
        "2020-01-01T13:00:00"
      })
  void parse_rejectsOtherTextNamingTheParameter(String text) {
    assertThatThrownBy(() -> TimeExpressions.parse("to", text, NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("to: ")
        .hasMessageContaining("'" + text + "'");
  }
}
