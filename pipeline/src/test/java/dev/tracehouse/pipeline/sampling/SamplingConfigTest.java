package dev.tracehouse.pipeline.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SamplingConfigTest {
  @Test
  void from_emptyGivesTheDefaults() {
    assertThat(SamplingConfig.from(Map.of())).isEqualTo(SamplingConfig.defaults());
  }

  @Test
  void from_readsTheDatadogNames() {
    SamplingConfig config =
        SamplingConfig.from(
            Map.of(
                "DD_APM_MAX_TPS", "5",
                "DD_APM_ERROR_TPS", "0",
                "DD_APM_ENABLE_RARE_SAMPLER", "true",
                "DD_APM_MAX_EPS", "50.5",
                "DD_APM_ANALYZED_SPANS", "cafe|flask.request=1",
                "DD_ENV", "workshop"));
    assertThat(config.targetTps()).isEqualTo(5);
    assertThat(config.errorTps()).isZero();
    assertThat(config.rareEnabled()).isTrue();
    assertThat(config.maxEps()).isEqualTo(50.5);
    assertThat(config.analyzedSpans().rate("cafe", "flask.request")).hasValue(1.0);
    assertThat(config.defaultEnv()).isEqualTo("workshop");
  }

  @Test
  void from_namesTheBadKeyAndValue() {
    assertThatThrownBy(() -> SamplingConfig.from(Map.of("DD_APM_MAX_TPS", "ten")))
        .hasMessageContaining("DD_APM_MAX_TPS")
        .hasMessageContaining("ten");
    assertThatThrownBy(() -> SamplingConfig.from(Map.of("DD_APM_MAX_TPS", "-1")))
        .hasMessageContaining("DD_APM_MAX_TPS");
    assertThatThrownBy(() -> SamplingConfig.from(Map.of("DD_APM_MAX_EPS", "0")))
        .hasMessageContaining("DD_APM_MAX_EPS");
    assertThatThrownBy(
            () -> SamplingConfig.from(Map.of("DD_APM_ENABLE_RARE_SAMPLER", "yes please")))
        .hasMessageContaining("DD_APM_ENABLE_RARE_SAMPLER");
    assertThatThrownBy(() -> SamplingConfig.from(Map.of("DD_APM_ANALYZED_SPANS", "cafe")))
        .hasMessageContaining("DD_APM_ANALYZED_SPANS");
  }
}
