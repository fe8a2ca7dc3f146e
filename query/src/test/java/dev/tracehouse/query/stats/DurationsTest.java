package dev.tracehouse.query.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({
    "500ms, 500000000",
    "0.5s, 500000000",
    "10s, 10000000000",
    "5m, 300000000000",
    "2h, 7200000000000",
    "1d, 86400000000000",
    "1w, 604800000000000",
    "250us, 250000",
    "250µs, 250000",
    "7ns, 7",
    "' 30 s ', 30000000000"
  })
  void parse_readsNumberAndUnit(String text, long nanos) {
    assertThat(Durations.parse("interval", text)).isEqualTo(Duration.ofNanos(nanos));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "5", "ms", "-5s", "5 minutes", "1e3ms", "5M", "0s", "0.1ns", "400d"})
  void parse_rejectsOtherTextNamingTheParameter(String text) {
    assertThatThrownBy(() -> Durations.parse("interval", text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("interval: ")
        .hasMessageContaining("'" + text + "'");
  }
}
