package dev.tracehouse.query.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracehouse.store.memory.InMemorySpanStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServiceStatsArgumentsTest {

  private final InMemorySpanStore store = new InMemorySpanStore();
  private final ServiceStats stats =
      new ServiceStats(store.stats().orElseThrow().reader(), StatsConfig.defaults());
  private final StatsWindow window = StatsWindow.of(0, 60_000);

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void latency_rejectsBinCountsOutOfRange() {
    ServiceSelection web = ServiceSelection.of("web");

    assertThatThrownBy(() -> stats.latency(window, web, 0))
        .hasMessage("bins: must be between 1 and 200, got 0");
    assertThatThrownBy(() -> stats.latency(window, web, 201))
        .hasMessage("bins: must be between 1 and 200, got 201");
    assertThat(stats.latency(window, web, 200).bins()).isEmpty();
  }

  @Test
  void selection_rejectsABlankService() {
    assertThatThrownBy(() -> ServiceSelection.of(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("service: must not be empty");
  }

  @Test
  void downstream_ofAServiceWithoutTrafficIsEmpty() {
    Downstream none = stats.downstream(window, "web");

    assertThat(none.callees()).isEmpty();
    assertThat(none.selfPercent()).isZero();
    assertThat(none.requests()).isZero();
  }
}
