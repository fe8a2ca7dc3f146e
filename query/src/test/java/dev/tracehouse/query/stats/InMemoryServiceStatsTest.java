package dev.tracehouse.query.stats;

import dev.tracehouse.store.SpanStore;
import dev.tracehouse.store.memory.InMemorySpanStore;

/** Service statistics over the in-memory store. */
class InMemoryServiceStatsTest extends ServiceStatsContract {

  @Override
  protected SpanStore newStore() {
    return new InMemorySpanStore();
  }
}
