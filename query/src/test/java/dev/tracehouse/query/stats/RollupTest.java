package dev.tracehouse.query.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RollupTest {

  private static final long T0 = 1_700_006_400_000L;

  @ParameterizedTest
  @CsvSource({
    "60000, 10000, 6",
    "1500000, 10000, 150",
    "1510000, 30000, 51",
    "3600000, 30000, 120",
    "86400000, 600000, 144",
    "2678400000, 43200000, 62"
  })
  void auto_picksTheSmallestIntervalWithAtMost150Points(long length, long interval, int count) {
    Rollup rollup = Rollup.auto(StatsWindow.of(T0, T0 + length));

    assertThat(rollup.intervalMs()).isEqualTo(interval);
    assertThat(rollup.count()).isEqualTo(count);
  }

  @Test
  void buckets_areAlignedToTheEpoch() {
    Rollup rollup = Rollup.of(StatsWindow.of(T0 + 90_000, T0 + 600_000), Duration.ofMinutes(5));

    assertThat(rollup.firstMs()).isEqualTo(T0);
    assertThat(rollup.count()).isEqualTo(2);
    assertThat(rollup.index((T0 + 299_999) * 1_000_000)).isZero();
    assertThat(rollup.index((T0 + 300_000) * 1_000_000)).isEqualTo(1);
    assertThat(rollup.index((T0 + 600_000) * 1_000_000)).isEqualTo(-1);
    assertThat(rollup.index((T0 - 1) * 1_000_000)).isEqualTo(-1);
    assertThat(rollup.startMs(1)).isEqualTo(T0 + 300_000);
  }

  @Test
  void of_rejectsIntervalsThatAreNoMultipleOfTheStatsBucket() {
    assertThatThrownBy(() -> Rollup.of(StatsWindow.of(T0, T0 + 60_000), Duration.ofSeconds(15)))
        .hasMessageStartingWith("interval: must be a multiple of 10s");
  }

  @Test
  void of_rejectsMoreThan1500Points() {
    StatsWindow day = StatsWindow.of(T0, T0 + 86_400_000);

    assertThat(Rollup.of(day, Duration.ofMinutes(1)).count()).isEqualTo(1440);
    assertThatThrownBy(() -> Rollup.of(day, Duration.ofSeconds(30)))
        .hasMessageStartingWith("interval: ")
        .hasMessageContaining("2880 points");
  }
}
