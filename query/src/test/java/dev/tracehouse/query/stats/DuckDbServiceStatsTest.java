package dev.tracehouse.query.stats;

import dev.tracehouse.store.SpanStore;
import dev.tracehouse.store.StoreConfig;
import dev.tracehouse.store.StoreProvider;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** Service statistics over the DuckDB store, in a real file. */
class DuckDbServiceStatsTest extends ServiceStatsContract {

  @TempDir static Path dir;

  @Override
  protected SpanStore newStore() {
    return StoreProvider.named("duckdb")
        .create(
            new StoreConfig("duckdb", dir, Map.of("path", dir.resolve("stats.duckdb").toString())));
  }
}
