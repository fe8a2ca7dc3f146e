package dev.tracehouse.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.model.LogEvent;
import dev.tracehouse.store.EventFilter;
import dev.tracehouse.store.LogSearch;
import dev.tracehouse.store.LogSort;
import dev.tracehouse.store.LogStoreContract;
import dev.tracehouse.store.SpanStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log contract against a fresh DuckDB file per test, plus durability across reopening. */
class DuckDbLogStoreTest extends LogStoreContract {

  @TempDir Path dir;

  @Override
  protected SpanStore newStore() {
    return DuckDbSpanStore.open(DuckDbOptions.at(dir.resolve("logs.duckdb")));
  }

  @Test
  void logs_surviveReopenAndKeepTheirWriteOrder() {
    DuckDbOptions options = DuckDbOptions.at(dir.resolve("reopen.duckdb"));
    LogEvent first = LogEvent.builder().timestamp(5).message("first").build();
    LogEvent second = LogEvent.builder().timestamp(5).message("second").build();
    try (DuckDbSpanStore one = DuckDbSpanStore.open(options)) {
      one.logs().orElseThrow().writer().write(List.of(first));
    }
    try (DuckDbSpanStore two = DuckDbSpanStore.open(options)) {
      two.logs().orElseThrow().writer().write(List.of(second));

      LogSearch oldestFirst =
          LogSearch.of(EventFilter.all(), 0, 10).withSort(LogSort.TIMESTAMP_ASC);
      assertThat(two.logs().orElseThrow().reader().search(oldestFirst).logs())
          .containsExactly(first, second);
    }
  }
}
