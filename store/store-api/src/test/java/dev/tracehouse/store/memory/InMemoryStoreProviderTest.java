package dev.tracehouse.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracehouse.store.StoreConfig;
import dev.tracehouse.store.StoreProvider;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryStoreProviderTest {

  private static StoreConfig config(Map<String, String> options) {
    return new StoreConfig("memory", Path.of("data"), options);
  }

  @Test
  void named_findsMemoryThroughServiceLoader() {
    assertThat(StoreProvider.named("memory")).isInstanceOf(InMemoryStoreProvider.class);
  }

  @Test
  void create_givesAnEmptyStore() {
    try (var store = StoreProvider.named("memory").create(config(Map.of()))) {
      assertThat(store).isInstanceOf(InMemorySpanStore.class);
      assertThat(store.reader().services()).isEmpty();
    }
  }

  @Test
  void create_rejectsBadMaxSpansNamingTheKey() {
    InMemoryStoreProvider provider = new InMemoryStoreProvider();

    assertThatThrownBy(() -> provider.create(config(Map.of("max-spans", "lots"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("store.memory.max-spans")
        .hasMessageContaining("'lots'");
    assertThatThrownBy(() -> provider.create(config(Map.of("max-spans", "-1"))))
        .hasMessageContaining("'-1'");
  }

  @Test
  void create_readsMaxStatsRows() {
    InMemoryStoreProvider provider = new InMemoryStoreProvider();

    try (var store = provider.create(config(Map.of("max-stats-rows", "5")))) {
      assertThat(store.stats()).isPresent();
    }
    assertThatThrownBy(() -> provider.create(config(Map.of("max-stats-rows", "none"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("store.memory.max-stats-rows")
        .hasMessageContaining("'none'");
  }
}
