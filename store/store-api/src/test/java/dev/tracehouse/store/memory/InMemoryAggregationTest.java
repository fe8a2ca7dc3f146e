package dev.tracehouse.store.memory;

import dev.tracehouse.store.AggregationContract;
import dev.tracehouse.store.SpanStore;

/** The aggregation contract on the in-memory store (the accumulators run in Java). */
class InMemoryAggregationTest extends AggregationContract {
  @Override
  protected SpanStore newStore() {
    return new InMemorySpanStore();
  }
}
