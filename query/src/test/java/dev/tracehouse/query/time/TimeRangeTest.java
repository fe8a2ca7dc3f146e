package dev.tracehouse.query.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeRangeTest {

  private static final long NOW = 1_795_600_800_000L;
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);

  @Test
  void parse_defaultsToTheLast15Minutes() {
    assertThat(TimeRange.parse(null, " ", CLOCK)).isEqualTo(new TimeRange(NOW - 900_000, NOW));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "1577883600000, 1577883600000",
    "2020-01-01T13:00:00Z, 1577883600000",
    "2020-01-01T14:00:00+01:00, 1577883600000",
    "2020-01-01T13:00:00.250Z, 1577883600250",
    "now, 1795600800000",
    "now-30s, 1795600770000",
    "now-15m, 1795599900000",
    "now-1h, 1795597200000",
    "now-2d, 1795428000000",
    "now-1w, 1794996000000",
  })
  void parse_acceptsEveryApiForm(String from, long expectedMs) {
    assertThat(TimeRange.parse(from, "now", CLOCK).fromMs()).isEqualTo(expectedMs);
  }

  @Test
  void range_convertsToNanoseconds() {
    TimeRange range = TimeRange.parse("1000", "2000", CLOCK);

    assertThat(range.fromNs()).isEqualTo(1_000_000_000L);
    assertThat(range.toNs()).isEqualTo(2_000_000_000L);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "yesterday, from",
    "-5, from",
    "now-5, from",
    "now-5y, from",
    "now+5m, from",
    "2020-01-01T13:00:00, from",
    "99999999999999999999, from",
    "9999999999999999, from",
  })
  void parse_rejectsNamingTheParameter(String from, String name) {
    assertThatThrownBy(() -> TimeRange.parse(from, "now", CLOCK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(name + ":");
    assertThatThrownBy(() -> TimeRange.parse("now-1h", from, CLOCK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("to:");
  }

  @Test
  void parse_rejectsFromAfterTo() {
    assertThatThrownBy(() -> TimeRange.parse("now", "now-1h", CLOCK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("from")
        .hasMessageContaining("after to");
  }
}
