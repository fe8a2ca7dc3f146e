package dev.tracehouse.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracehouse.model.LogEvent;
import dev.tracehouse.store.LogStoreContract;
import dev.tracehouse.store.SpanStore;
import dev.tracehouse.store.StoreException;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryLogStoreTest extends LogStoreContract {
  @Override
  protected SpanStore newStore() {
    return new InMemorySpanStore();
  }

  @Test
  void write_beyondCapacityIsRefusedWhole() {
    InMemorySpanStore small = new InMemorySpanStore(2);
    LogEvent log = LogEvent.builder().message("x").build();
    small.logs().orElseThrow().writer().write(List.of(log));

    assertThatThrownBy(() -> small.logs().orElseThrow().writer().write(List.of(log, log)))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.isOverCapacity()).isTrue());
    small.close();
  }
}
