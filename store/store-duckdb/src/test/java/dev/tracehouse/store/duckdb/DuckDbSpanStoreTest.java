package dev.tracehouse.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.store.Capabilities.Capability;
import dev.tracehouse.store.SpanStore;
import dev.tracehouse.store.SpanStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract against a fresh DuckDB file per test. */
class DuckDbSpanStoreTest extends SpanStoreContract {

  @TempDir Path dir;

  @Override
  protected SpanStore newStore() {
    return DuckDbSpanStore.open(DuckDbOptions.at(dir.resolve("contract.duckdb")));
  }

  @Test
  void capabilities_declareDurable() {
    assertThat(store.capabilities().has(Capability.DURABLE)).isTrue();
  }
}
