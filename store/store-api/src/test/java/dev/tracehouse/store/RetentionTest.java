package dev.tracehouse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetentionTest {

  @Test
  void defaults_areSevenDaysAndTenGibibytes() {
    assertThat(Retention.DEFAULT.maxAge()).isEqualTo(Duration.ofDays(7));
    assertThat(Retention.DEFAULT.maxBytes()).isEqualTo(10L * 1024 * 1024 * 1024);
    assertThat(Retention.DEFAULT.liveWindow()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void parse_readsTheLiveWindowLikeAnAge() {
    assertThat(Retention.parse("7d", "1GB", "20m").liveWindow()).isEqualTo(Duration.ofMinutes(20));
    assertThat(Retention.parse("7d", "1GB").liveWindow()).isEqualTo(Duration.ofMinutes(15));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0m", "soon", "-5m"})
  void parse_namesTheLiveWindowKeyWhenItIsBad(String raw) {
    assertThatThrownBy(() -> Retention.parse("7d", "1GB", raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("store.retention.live-window: expected ")
        .hasMessageEndingWith("got '" + raw + "'");
  }

  @ParameterizedTest
  @CsvSource({
    "7d, PT168H",
    "12h, PT12H",
    "30m, PT30M",
    "45s, PT45S",
    "250ms, PT0.25S",
    "' 2D ', PT48H",
    "P1DT2H, PT26H",
    "pt90m, PT1H30M"
  })
  void parse_readsAges(String raw, String expected) {
    assertThat(Retention.parse(raw, "1").maxAge()).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @CsvSource({
    "4096, 4096",
    "10GB, 10737418240",
    "10 gib, 10737418240",
    "512MB, 536870912",
    "3kb, 3072",
    "1TB, 1099511627776",
    "7b, 7"
  })
  void parse_readsSizes(String raw, long expected) {
    assertThat(Retention.parse("1d", raw).maxBytes()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "7", "0d", "-1d", "7 weeks", "P", "PT-5M", "seven days", "1e3s"})
  void parse_rejectsBadAgesNamingTheKey(String raw) {
    assertThatThrownBy(() -> Retention.parse(raw, "1GB"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("store.retention.max-age")
        .hasMessageContaining("'" + raw + "'");
  }

  @Test
  void parse_rejectsAnAgeTooLargeForADuration() {
    assertThatThrownBy(() -> Retention.parse("999999999999999999d", "1GB"))
        .hasMessageContaining("store.retention.max-age");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0", "-5", "10 PB", "1.5GB", "ten", "9999999999TB"})
  void parse_rejectsBadSizesNamingTheKey(String raw) {
    assertThatThrownBy(() -> Retention.parse("7d", raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("store.retention.max-bytes")
        .hasMessageContaining("'" + raw + "'");
  }

  @Test
  void parse_rejectsMissingValues() {
    assertThatThrownBy(() -> Retention.parse(null, "1GB")).hasMessageContaining("max-age");
    assertThatThrownBy(() -> Retention.parse("1d", null)).hasMessageContaining("max-bytes");
  }
}
