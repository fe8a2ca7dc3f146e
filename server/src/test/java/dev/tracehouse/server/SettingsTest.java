package dev.tracehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracehouse.store.Retention;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @TempDir Path dir;

  @Test
  void load_usesDefaultsWithoutFileOrEnv() {
    Settings s = Settings.load(null, Map.of());
    assertThat(s.port("intake.datadog.port")).isEqualTo(8126);
    assertThat(s.port("web.port")).isEqualTo(8080);
    assertThat(s.string("store.type")).isEqualTo("duckdb");
    assertThat(s.under("store.duckdb.")).containsOnly(Map.entry("flush-interval-ms", "1000"));
  }

  @Test
  void load_yamlOverridesDefaultsAndEnvOverridesYaml() throws IOException {
    Path yaml = write("web:\n  port: 9090\nstore:\n  duckdb:\n    path: /tmp/x.duckdb\n");
    Settings s = Settings.load(yaml, Map.of("WEB_PORT", "9191"));
    assertThat(s.port("web.port")).isEqualTo(9191);
    assertThat(s.under("store.duckdb.")).containsEntry("path", "/tmp/x.duckdb");

    Settings flat = Settings.load(write("store.type: memory\n"), Map.of());
    assertThat(flat.string("store.type")).isEqualTo("memory");
  }

  @Test
  void load_rejectsUnknownYamlKeyNamingIt() throws IOException {
    Path yaml = write("web:\n  prot: 1\n");
    assertThatThrownBy(() -> Settings.load(yaml, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'web.prot'");
  }

  @Test
  void load_rejectsYamlThatIsNotAMapping() throws IOException {
    assertThatThrownBy(() -> Settings.load(write("- a\n- b\n"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mapping");
    assertThatThrownBy(() -> Settings.load(write("web: [1, 2]\n"), Map.of()))
        .hasMessageContaining("'web'");
  }

  @Test
  void port_rejectsBadValuesNamingKeyAndEnv() {
    Settings s = Settings.load(null, Map.of("INTAKE_DATADOG_PORT", "eighty", "WEB_PORT", "70000"));
    assertThatThrownBy(() -> s.port("intake.datadog.port"))
        .hasMessageContaining("intake.datadog.port")
        .hasMessageContaining("INTAKE_DATADOG_PORT")
        .hasMessageContaining("'eighty'");
    assertThatThrownBy(() -> s.port("web.port")).hasMessageContaining("between 0 and 65535");
  }

  @Test
  void positive_rejectsZero() {
    Settings s = Settings.load(null, Map.of("INTAKE_MAX_PAYLOAD_BYTES", "0"));
    assertThatThrownBy(() -> s.positive("intake.max-payload-bytes"))
        .hasMessageContaining("positive");
  }

  @Test
  void retention_defaultsToSevenDaysAndTenGibibytesAndReadsEnv() {
    assertThat(Settings.load(null, Map.of()).retention()).isEqualTo(Retention.DEFAULT);

    Settings s =
        Settings.load(
            null, Map.of("STORE_RETENTION_MAX_AGE", "12h", "STORE_RETENTION_MAX_BYTES", "512MB"));
    assertThat(s.retention()).isEqualTo(new Retention(Duration.ofHours(12), 512L << 20));
  }

  @Test
  void retention_rejectsBadValuesNamingKeyEnvAndValue() {
    Settings s = Settings.load(null, Map.of("STORE_RETENTION_MAX_BYTES", "lots"));
    assertThatThrownBy(s::retention)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("store.retention.max-bytes")
        .hasMessageContaining("STORE_RETENTION_MAX_BYTES")
        .hasMessageContaining("'lots'");
  }

  @Test
  void envName_mapsDotsAndDashes() {
    assertThat(Settings.envName("store.duckdb.flush-interval-ms"))
        .isEqualTo("STORE_DUCKDB_FLUSH_INTERVAL_MS");
  }

  private Path write(String text) throws IOException {
    Path f = Files.createTempFile(dir, "settings", ".yaml");
    Files.writeString(f, text);
    return f;
  }
}
