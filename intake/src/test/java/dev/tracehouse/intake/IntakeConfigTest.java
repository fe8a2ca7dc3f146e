package dev.tracehouse.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IntakeConfigTest {

  @Test
  void defaults_matchTheDatadogAgent() {
    assertThat(IntakeConfig.defaults()).isEqualTo(new IntakeConfig("127.0.0.1", 8126, 26_214_400));
  }

  @Test
  void create_acceptsPortZeroAndPortBounds() {
    assertThat(new IntakeConfig("0.0.0.0", 0, 1).datadogPort()).isZero();
    assertThat(new IntakeConfig("localhost", 65535, 1).datadogPort()).isEqualTo(65535);
  }

  @Test
  void create_rejectsBadPortNamingTheKey() {
    assertThatThrownBy(() -> new IntakeConfig("127.0.0.1", 65536, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("intake.datadog.port")
        .hasMessageContaining("65536");
    assertThatThrownBy(() -> new IntakeConfig("127.0.0.1", -1, 1))
        .hasMessageContaining("intake.datadog.port");
  }

  @Test
  void create_rejectsNonPositiveOrHugeMaxPayloadNamingTheKey() {
    assertThatThrownBy(() -> new IntakeConfig("127.0.0.1", 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("intake.max-payload-bytes")
        .hasMessageContaining("was 0");
    assertThatThrownBy(() -> new IntakeConfig("127.0.0.1", 0, 1L << 31))
        .hasMessageContaining("intake.max-payload-bytes");
  }

  @Test
  void create_rejectsBlankHostNamingTheKey() {
    assertThatThrownBy(() -> new IntakeConfig(" ", 0, 1)).hasMessageContaining("intake.host");
    assertThatThrownBy(() -> new IntakeConfig(null, 0, 1)).hasMessageContaining("intake.host");
  }
}
