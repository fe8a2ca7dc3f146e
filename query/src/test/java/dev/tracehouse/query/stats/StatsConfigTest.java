package dev.tracehouse.query.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsConfigTest {

  @Test
  void defaults_are500msForEveryServiceAndErrorsByDuration() {
    StatsConfig config = StatsConfig.fromOptions(Map.of());

    assertThat(config).isEqualTo(StatsConfig.defaults());
    assertThat(config.apdexFor("any")).isEqualTo(new ApdexThreshold(500e6, false));
  }

  @Test
  void fromOptions_readsThresholdsPerServiceAndTheErrorRule() {
    StatsConfig config =
        StatsConfig.fromOptions(
            Map.of(
                "apdex.threshold", "1s",
                "apdex.service-thresholds", "cafe=250ms, taster = 0.1s,",
                "apdex.errors-as-frustrated", "true"));

    assertThat(config.apdexFor("cafe")).isEqualTo(new ApdexThreshold(250e6, true));
    assertThat(config.apdexFor("taster")).isEqualTo(new ApdexThreshold(100e6, true));
    assertThat(config.apdexFor("redis")).isEqualTo(new ApdexThreshold(1e9, true));
    assertThat(config.serviceThresholds()).containsEntry("cafe", Duration.ofMillis(250));
  }

  @Test
  void fromOptions_namesTheBadKey() {
    assertThatThrownBy(() -> StatsConfig.fromOptions(Map.of("apdex.threshold", "fast")))
        .hasMessageStartingWith("query.stats.apdex.threshold: ");
    assertThatThrownBy(
            () -> StatsConfig.fromOptions(Map.of("apdex.service-thresholds", "cafe:250ms")))
        .hasMessageStartingWith("query.stats.apdex.service-thresholds: ")
        .hasMessageContaining("cafe:250ms");
    assertThatThrownBy(
            () -> StatsConfig.fromOptions(Map.of("apdex.service-thresholds", "cafe=soon")))
        .hasMessageStartingWith("query.stats.apdex.service-thresholds (cafe): ");
    assertThatThrownBy(() -> StatsConfig.fromOptions(Map.of("apdex.errors-as-frustrated", "yes")))
        .hasMessageStartingWith("query.stats.apdex.errors-as-frustrated: ")
        .hasMessageContaining("'yes'");
    assertThatThrownBy(() -> StatsConfig.fromOptions(Map.of("apdex.treshold", "1s")))
        .hasMessage("unknown setting query.stats.apdex.treshold");
  }
}
