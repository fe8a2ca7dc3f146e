package dev.tracehouse.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.store.Capabilities.Capability;
import dev.tracehouse.store.SpanStore;
import dev.tracehouse.store.StatsStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stats contract against a fresh DuckDB file per test. */
class DuckDbStatsStoreTest extends StatsStoreContract {

  @TempDir Path dir;

  @Override
  protected SpanStore newStore() {
    return DuckDbSpanStore.open(DuckDbOptions.at(dir.resolve("stats.duckdb")));
  }

  @Test
  void capabilities_declareStatsAndExposeThem() {
    assertThat(store.capabilities().has(Capability.STATS)).isTrue();
    assertThat(store.stats()).isPresent();
  }
}
