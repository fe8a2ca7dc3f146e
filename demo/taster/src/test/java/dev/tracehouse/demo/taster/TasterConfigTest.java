package dev.tracehouse.demo.taster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TasterConfigTest {

  @Test
  void fromEnv_usesDefaultsWhenUnset() {
    assertThat(TasterConfig.fromEnv(Map.of())).isEqualTo(new TasterConfig("127.0.0.1", 5001));
  }

  @Test
  void fromEnv_readsHostAndPort() {
    TasterConfig config =
        TasterConfig.fromEnv(Map.of("TASTER_HOST", "0.0.0.0", "TASTER_PORT", "6001"));

    assertThat(config).isEqualTo(new TasterConfig("0.0.0.0", 6001));
  }

  @Test
  void fromEnv_rejectsNonNumericPortNamingKeyAndValue() {
    assertThatThrownBy(() -> TasterConfig.fromEnv(Map.of("TASTER_PORT", "abc")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TASTER_PORT")
        .hasMessageContaining("'abc'");
  }

  @Test
  void fromEnv_rejectsPortOutOfRange() {
    assertThatThrownBy(() -> TasterConfig.fromEnv(Map.of("TASTER_PORT", "70000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TASTER_PORT")
        .hasMessageContaining("'70000'");
  }

  @Test
  void fromEnv_rejectsBlankHost() {
    assertThatThrownBy(() -> TasterConfig.fromEnv(Map.of("TASTER_HOST", " ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TASTER_HOST");
  }
}
