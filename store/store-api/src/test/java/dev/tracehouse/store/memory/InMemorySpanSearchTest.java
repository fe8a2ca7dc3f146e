package dev.tracehouse.store.memory;

import dev.tracehouse.store.SpanSearchContract;
import dev.tracehouse.store.SpanStore;

class InMemorySpanSearchTest extends SpanSearchContract {
  @Override
  protected SpanStore newStore() {
    return new InMemorySpanStore();
  }
}
