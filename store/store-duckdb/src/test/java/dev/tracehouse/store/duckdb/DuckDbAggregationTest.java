package dev.tracehouse.store.duckdb;

import dev.tracehouse.store.AggregationContract;
import dev.tracehouse.store.SpanStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The aggregation contract against a fresh DuckDB file per test (the aggregates run in SQL). */
class DuckDbAggregationTest extends AggregationContract {

  @TempDir Path dir;

  @Override
  protected SpanStore newStore() {
    return DuckDbSpanStore.open(DuckDbOptions.at(dir.resolve("aggregation.duckdb")));
  }
}
