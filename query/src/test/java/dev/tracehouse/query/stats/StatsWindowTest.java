package dev.tracehouse.query.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatsWindowTest {

  @Test
  void queries_coverTheWindowInNanosecondsWithTheEnv() {
    StatsWindow window = new StatsWindow(1_000, 2_000, Optional.of("prod"));

    assertThat(window.statsQuery().fromNs()).isEqualTo(1_000_000_000L);
    assertThat(window.statsQuery().toNs()).isEqualTo(2_000_000_000L);
    assertThat(window.statsQuery().env()).contains("prod");
    assertThat(window.serviceMapQuery().env()).contains("prod");
    assertThat(window.seconds()).isEqualTo(1.0);
  }

  @Test
  void rejectsEmptyReversedNegativeAndTooLongWindows() {
    assertThatThrownBy(() -> StatsWindow.of(5, 5))
        .hasMessageStartingWith("from (5) must be before");
    assertThatThrownBy(() -> StatsWindow.of(6, 5))
        .hasMessageStartingWith("from (6) must be before");
    assertThatThrownBy(() -> StatsWindow.of(-1, 5)).hasMessageStartingWith("from: out of range");
    assertThatThrownBy(() -> StatsWindow.of(0, Long.MAX_VALUE))
        .hasMessageStartingWith("to: out of range");
    assertThatThrownBy(() -> StatsWindow.of(0, 32L * 86_400_000))
        .hasMessageStartingWith("from/to: the window is longer than 31 days");
  }
}
