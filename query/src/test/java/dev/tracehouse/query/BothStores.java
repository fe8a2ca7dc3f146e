package dev.tracehouse.query;

import dev.tracehouse.store.LogSearch;
import dev.tracehouse.store.SpanSearch;
import dev.tracehouse.store.SpanStore;
import dev.tracehouse.store.memory.InMemorySpanStore;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The {@link Fixtures} in the in-memory store (where filters run as predicates) and in DuckDB
 * (where they run as SQL), for tests that expect the same answer from both.
 */
abstract class BothStores {

  @TempDir static Path dir;
  static Map<String, SpanStore> stores;

  @BeforeAll
  static void fill() {
    stores =
        Map.of(
            "memory", Fixtures.filled(new InMemorySpanStore()),
            "duckdb", Fixtures.filled(Fixtures.duckDb(dir)));
  }

  @AfterAll
  static void close() {
    stores.values().forEach(SpanStore::close);
  }

  /** Each example (number, query, expected ids) once per store name, appended as 4th argument. */
  static Stream<Arguments> onEachStore(Stream<Arguments> examples) {
    return examples.flatMap(
        example ->
            Stream.of("memory", "duckdb")
                .map(
                    store -> {
                      Object[] args = Arrays.copyOf(example.get(), 4);
                      args[3] = store;
                      return Arguments.of(args);
                    }));
  }

  /** The fixture numbers (span ids) of the spans {@code query} finds in {@code store}. */
  static List<Long> spanIds(String store, String query) {
    SpanSearch search =
        SpanSearch.of(SearchFilters.spans(query), 0, Long.MAX_VALUE).withLimit(1000);
    return stores.get(store).reader().searchSpans(search).spans().stream()
        .map(s -> s.spanId())
        .sorted()
        .toList();
  }

  /** The fixture numbers (span ids) of the logs {@code query} finds in {@code store}. */
  static List<Long> logIds(String store, String query) {
    LogSearch search = LogSearch.of(SearchFilters.logs(query), 0, Long.MAX_VALUE).withLimit(1000);
    return stores.get(store).logs().orElseThrow().reader().search(search).logs().stream()
        .map(l -> l.spanId())
        .sorted()
        .toList();
  }

  /** {@code "1 3"} as ids; {@code ""} for none. */
  static List<Long> ids(String expected) {
    return expected.isBlank()
        ? List.of()
        : Arrays.stream(expected.trim().split(" +")).map(Long::valueOf).toList();
  }
}
