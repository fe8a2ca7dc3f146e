package dev.tracehouse.store.memory;

import dev.tracehouse.store.SpanStore;
import dev.tracehouse.store.StoreConfig;
import dev.tracehouse.store.StoreProvider;

/**
 * Creates {@link InMemorySpanStore}s ({@code store.type=memory}). Option {@code max-spans}
 * (property {@code store.memory.max-spans}) bounds the number of spans kept.
 */
public final class InMemoryStoreProvider implements StoreProvider {

  static final String MAX_SPANS = "max-spans";

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public SpanStore create(StoreConfig config) {
    String raw = config.option(MAX_SPANS, Integer.toString(InMemorySpanStore.DEFAULT_MAX_SPANS));
    int maxSpans;
    try {
      maxSpans = Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      maxSpans = 0;
    }
    if (maxSpans < 1) {
      throw new IllegalArgumentException(
          "store.memory." + MAX_SPANS + ": expected a positive integer, got '" + raw + "'");
    }
    return new InMemorySpanStore(maxSpans);
  }
}
