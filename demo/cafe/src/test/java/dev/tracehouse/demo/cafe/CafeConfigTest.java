package dev.tracehouse.demo.cafe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CafeConfigTest {

  @Test
  void fromEnv_usesDefaultsWhenUnset() {
    assertThat(CafeConfig.fromEnv(Map.of()))
        .isEqualTo(
            new CafeConfig(
                "127.0.0.1",
                5000,
                URI.create("http://127.0.0.1:5001"),
                Duration.ofSeconds(2),
                "127.0.0.1",
                6379,
                Path.of("data/cafe.db")));
  }

  @Test
  void fromEnv_readsEveryVariable() {
    CafeConfig config =
        CafeConfig.fromEnv(
            Map.of(
                "CAFE_HOST", "0.0.0.0",
                "CAFE_PORT", "7000",
                "TASTER_URL", "http://taster:7001/",
                "TASTER_TIMEOUT_MS", "250",
                "REDIS_HOST", "redis",
                "REDIS_PORT", "6380",
                "CAFE_DB", "/tmp/x/cafe.db"));

    assertThat(config)
        .isEqualTo(
            new CafeConfig(
                "0.0.0.0",
                7000,
                URI.create("http://taster:7001"),
                Duration.ofMillis(250),
                "redis",
                6380,
                Path.of("/tmp/x/cafe.db")));
  }

  @Test
  void fromEnv_rejectsNonNumericPortNamingKeyAndValue() {
    assertThatThrownBy(() -> CafeConfig.fromEnv(Map.of("REDIS_PORT", "six")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("REDIS_PORT must be a number, got 'six'");
  }

  @Test
  void fromEnv_rejectsPortOutOfRange() {
    assertThatThrownBy(() -> CafeConfig.fromEnv(Map.of("CAFE_PORT", "0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("CAFE_PORT must be a port in 1..65535, got '0'");
  }

  @Test
  void fromEnv_rejectsTasterUrlThatIsNotHttp() {
    assertThatThrownBy(() -> CafeConfig.fromEnv(Map.of("TASTER_URL", "ftp://taster")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("TASTER_URL must be an http(s) URL, got 'ftp://taster'");
    assertThatThrownBy(() -> CafeConfig.fromEnv(Map.of("TASTER_URL", "http://bad host")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TASTER_URL");
  }

  @Test
  void fromEnv_rejectsNonPositiveTimeout() {
    assertThatThrownBy(() -> CafeConfig.fromEnv(Map.of("TASTER_TIMEOUT_MS", "-5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("TASTER_TIMEOUT_MS must be a positive number, got '-5'");
  }

  @Test
  void fromEnv_rejectsBlankDatabasePath() {
    assertThatThrownBy(() -> CafeConfig.fromEnv(Map.of("CAFE_DB", "  ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("CAFE_DB must not be blank");
  }
}
