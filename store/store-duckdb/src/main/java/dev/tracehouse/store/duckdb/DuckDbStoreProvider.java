package dev.tracehouse.store.duckdb;

import dev.tracehouse.store.SpanStore;
import dev.tracehouse.store.StoreConfig;
import dev.tracehouse.store.StoreProvider;

/**
 * Creates {@link DuckDbSpanStore}s ({@code store.type=duckdb}). The store opens its file at once,
 * so a bad path or a file locked by another process fails here.
 */
public final class DuckDbStoreProvider implements StoreProvider {

  @Override
  public String name() {
    return "duckdb";
  }

  @Override
  public SpanStore create(StoreConfig config) {
    return DuckDbSpanStore.open(DuckDbOptions.from(config));
  }
}
