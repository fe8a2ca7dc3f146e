package dev.tracehouse.store.memory;

import static dev.tracehouse.store.TestSpans.CAFE_PAIR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracehouse.store.SpanStore;
import dev.tracehouse.store.SpanStoreContract;
import dev.tracehouse.store.StoreException;
import org.junit.jupiter.api.Test;

class InMemorySpanStoreTest extends SpanStoreContract {

  @Override
  protected SpanStore newStore() {
    return new InMemorySpanStore();
  }

  @Test
  void write_beyondMaxSpansIsOverCapacity() {
    InMemorySpanStore small = new InMemorySpanStore(12);
    small.write(CAFE_PAIR);

    assertThatThrownBy(() -> small.write(CAFE_PAIR))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.isOverCapacity()).isTrue())
        .hasMessageContaining("at most 12 spans");
    assertThat(small.trace(CAFE_PAIR.get(0).traceId())).get().asList().hasSize(10);
  }

  @Test
  void constructor_rejectsNonPositiveMaxSpans() {
    assertThatThrownBy(() -> new InMemorySpanStore(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxSpans");
  }
}
