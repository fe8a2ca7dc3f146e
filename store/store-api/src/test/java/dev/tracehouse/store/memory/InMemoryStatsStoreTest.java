package dev.tracehouse.store.memory;

import static dev.tracehouse.store.TestStats.BUCKET;
import static dev.tracehouse.store.TestStats.CAFE_MAP;
import static dev.tracehouse.store.TestStats.CAFE_STATS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracehouse.model.ServiceEdge;
import dev.tracehouse.model.ServiceMapBucket;
import dev.tracehouse.store.ServiceMapQuery;
import dev.tracehouse.store.SpanStore;
import dev.tracehouse.store.StatsQuery;
import dev.tracehouse.store.StatsStore;
import dev.tracehouse.store.StatsStoreContract;
import dev.tracehouse.store.StoreException;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryStatsStoreTest extends StatsStoreContract {

  @Override
  protected SpanStore newStore() {
    return new InMemorySpanStore();
  }

  @Test
  void write_beyondMaxStatsRowsIsOverCapacityAndStoresNothing() {
    try (InMemorySpanStore small = new InMemorySpanStore(10, 6)) {
      StatsStore stats = small.stats().orElseThrow();
      List<ServiceEdge> twoEdges = CAFE_MAP.edges().subList(0, 2);
      stats.writer().write(List.of(CAFE_STATS));

      assertThatThrownBy(() -> stats.writer().writeServiceMap(List.of(CAFE_MAP)))
          .isInstanceOfSatisfying(
              StoreException.class, e -> assertThat(e.isOverCapacity()).isTrue())
          .hasMessageContaining("holds 4 of at most 6 stats rows")
          .hasMessageContaining("cannot take 3 more");
      assertThat(stats.reader().serviceMap(ServiceMapQuery.between(0, Long.MAX_VALUE))).isEmpty();

      stats.writer().writeServiceMap(List.of(new ServiceMapBucket(0, BUCKET, twoEdges)));
      assertThat(stats.reader().serviceMap(ServiceMapQuery.between(0, 1))).hasSize(1);
      assertThat(stats.reader().buckets(StatsQuery.between(0, Long.MAX_VALUE))).hasSize(1);
    }
  }

  @Test
  void constructor_rejectsNonPositiveMaxStatsRows() {
    assertThatThrownBy(() -> new InMemorySpanStore(1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxStatsRows");
  }
}
