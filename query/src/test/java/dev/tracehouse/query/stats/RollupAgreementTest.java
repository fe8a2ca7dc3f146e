package dev.tracehouse.query.stats;

import static dev.tracehouse.query.stats.GeneratedWorkload.HOUR_MS;
import static dev.tracehouse.query.stats.GeneratedWorkload.T0_MS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.model.StatsBucket;
import dev.tracehouse.store.SpanStore;
import dev.tracehouse.store.StoreConfig;
import dev.tracehouse.store.StoreProvider;
import dev.tracehouse.store.memory.InMemorySpanStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The DuckDB store answers from its rollups (minute and hour rows, 10 s rows per operation) what
 * the in-memory store answers from every stored group: three hours of {@link GeneratedWorkload}
 * written one 10 s bucket at a time, as the stats flusher does, with every 17th bucket held back
 * and written at the end, after its minute and hour were compacted (late buckets). Every view over
 * unaligned windows must agree to a relative 1e-9 (the sums are added in another order).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollupAgreementTest {

  private static final long HOUR_NS = HOUR_MS * 1_000_000;
  private static final Comparator<Double> CLOSE =
      (a, b) -> Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) ? 0 : a.compareTo(b);

  @TempDir static Path dir;

  private SpanStore memory;
  private SpanStore duckdb;

  @BeforeAll
  void fill() {
    List<StatsBucket> buckets = new ArrayList<>();
    for (int hour = 0; hour < 3; hour++) {
      for (StatsBucket b : GeneratedWorkload.generate(100 + hour).buckets()) {
        buckets.add(new StatsBucket(b.start() + hour * HOUR_NS, b.duration(), b.groups()));
      }
    }
    memory = new InMemorySpanStore();
    memory.stats().orElseThrow().writer().write(buckets);
    duckdb =
        StoreProvider.named("duckdb")
            .create(
                new StoreConfig("duckdb", dir, Map.of("path", dir.resolve("r.duckdb").toString())));
    List<StatsBucket> late = new ArrayList<>();
    for (int i = 0; i < buckets.size(); i++) {
      if (i % 17 == 5) {
        late.add(buckets.get(i));
      } else {
        duckdb.stats().orElseThrow().writer().write(List.of(buckets.get(i)));
      }
    }
    duckdb.stats().orElseThrow().writer().write(late);
  }

  @AfterAll
  void close() {
    memory.close();
    duckdb.close();
  }

  static Stream<StatsWindow> windows() {
    long minute = 60_000;
    return Stream.of(
        new StatsWindow(T0_MS, T0_MS + 3 * HOUR_MS, Optional.empty()),
        new StatsWindow(
            T0_MS + 7 * minute + 13_000, T0_MS + 151 * minute + 4_000, Optional.empty()),
        new StatsWindow(T0_MS + 59 * minute, T0_MS + 121 * minute, Optional.of("prod")),
        new StatsWindow(T0_MS + 95_000, T0_MS + 95_000 + HOUR_MS, Optional.of("prod")));
  }

  @ParameterizedTest
  @MethodSource("windows")
  void everyView_agreesWithTheStoredGroups(StatsWindow window) {
    ServiceStats fine =
        new ServiceStats(memory.stats().orElseThrow().reader(), GeneratedWorkload.CONFIG);
    ServiceStats rolled =
        new ServiceStats(duckdb.stats().orElseThrow().reader(), GeneratedWorkload.CONFIG);
    ServiceSelection web = ServiceSelection.of("web");

    assertSame(rolled.services(window), fine.services(window));
    assertSame(rolled.service(window, web), fine.service(window, web));
    assertSame(
        rolled.service(window, web.withOperation("servlet.request")),
        fine.service(window, web.withOperation("servlet.request")));
    assertSame(rolled.resources(window, web), fine.resources(window, web));
    assertSame(
        rolled.timeseries(window, web.withResource("GET /b"), Optional.empty()),
        fine.timeseries(window, web.withResource("GET /b"), Optional.empty()));
    for (Duration interval : List.of(Duration.ofMinutes(1), Duration.ofMinutes(10))) {
      assertSame(
          rolled.timeseries(window, web, Optional.of(interval)),
          fine.timeseries(window, web, Optional.of(interval)));
    }
    assertSame(rolled.latency(window, web, 40), fine.latency(window, web, 40));
    assertSame(rolled.downstream(window, "web"), fine.downstream(window, "web"));
    assertSame(
        rolled.serviceMap(window, Optional.empty()), fine.serviceMap(window, Optional.empty()));
  }

  private static void assertSame(Object actual, Object expected) {
    assertThat(actual)
        .usingRecursiveComparison()
        .withComparatorForType(CLOSE, Double.class)
        .isEqualTo(expected);
  }
}
