package dev.tracehouse.store.memory;

import dev.tracehouse.store.SpanStore;
import dev.tracehouse.store.StoreConfig;
import dev.tracehouse.store.StoreProvider;

/**
 * Creates {@link InMemorySpanStore}s ({@code store.type=memory}). Options {@code max-spans} and
 * {@code max-stats-rows} (properties {@code store.memory.max-spans}, {@code
 * store.memory.max-stats-rows}) bound what is kept.
 */
public final class InMemoryStoreProvider implements StoreProvider {

  static final String MAX_SPANS = "max-spans";
  static final String MAX_STATS_ROWS = "max-stats-rows";

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public SpanStore create(StoreConfig config) {
    return new InMemorySpanStore(
        positive(config, MAX_SPANS, InMemorySpanStore.DEFAULT_MAX_SPANS),
        positive(config, MAX_STATS_ROWS, InMemorySpanStore.DEFAULT_MAX_STATS_ROWS));
  }

  private static int positive(StoreConfig config, String key, int defaultValue) {
    String raw = config.option(key, Integer.toString(defaultValue));
    int value;
    try {
      value = Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      value = 0;
    }
    if (value < 1) {
      throw new IllegalArgumentException(
          "store.memory." + key + ": expected a positive integer, got '" + raw + "'");
    }
    return value;
  }
}
