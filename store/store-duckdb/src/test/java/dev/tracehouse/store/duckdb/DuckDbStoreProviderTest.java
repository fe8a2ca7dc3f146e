package dev.tracehouse.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracehouse.store.SpanStore;
import dev.tracehouse.store.StoreConfig;
import dev.tracehouse.store.StoreProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbStoreProviderTest {

  @TempDir Path dir;

  private StoreConfig config(Map<String, String> options) {
    return new StoreConfig("duckdb", dir.resolve("data"), options);
  }

  @Test
  void named_findsDuckDbThroughServiceLoader() {
    assertThat(StoreProvider.named("duckdb")).isInstanceOf(DuckDbStoreProvider.class);
  }

  @Test
  void create_defaultsToTracehouseDuckdbInDataDir() {
    try (SpanStore store = StoreProvider.named("duckdb").create(config(Map.of()))) {
      assertThat(store).isInstanceOf(DuckDbSpanStore.class);
    }
    assertThat(dir.resolve("data/tracehouse.duckdb")).exists();
  }

  @Test
  void from_readsEveryOption() {
    String path = dir.resolve("x.duckdb").toString();
    DuckDbOptions options =
        DuckDbOptions.from(
            config(Map.of("path", path, "flush-interval-ms", "250", "queue-capacity", "64")));

    assertThat(options).isEqualTo(new DuckDbOptions(Path.of(path), Duration.ofMillis(250), 64));
  }

  @Test
  void from_rejectsBadNumbersNamingKeyAndValue() {
    assertThatThrownBy(() -> DuckDbOptions.from(config(Map.of("flush-interval-ms", "soon"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("store.duckdb.flush-interval-ms")
        .hasMessageContaining("'soon'");
    assertThatThrownBy(() -> DuckDbOptions.from(config(Map.of("flush-interval-ms", "0"))))
        .hasMessageContaining("'0'");
    assertThatThrownBy(() -> DuckDbOptions.from(config(Map.of("queue-capacity", "3000000000"))))
        .hasMessageContaining("store.duckdb.queue-capacity")
        .hasMessageContaining("'3000000000'");
  }

  @Test
  void from_rejectsAPathThatIsNotOneNamingTheKey() {
    assertThatThrownBy(() -> DuckDbOptions.from(config(Map.of("path", "bad\0path"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("store.duckdb.path");
  }
}
