package dev.tracehouse.store.duckdb;

import dev.tracehouse.store.SpanSearchContract;
import dev.tracehouse.store.SpanStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The search contract against a fresh DuckDB file per test. */
class DuckDbSpanSearchTest extends SpanSearchContract {

  @TempDir Path dir;

  @Override
  protected SpanStore newStore() {
    return DuckDbSpanStore.open(DuckDbOptions.at(dir.resolve("search.duckdb")));
  }
}
