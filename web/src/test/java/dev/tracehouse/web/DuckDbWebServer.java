package dev.tracehouse.web;

import dev.tracehouse.model.TraceId;
import dev.tracehouse.store.SpanStore;
import dev.tracehouse.store.StoreConfig;
import dev.tracehouse.store.StoreProvider;
import java.nio.file.Path;
import java.util.Map;

/**
 * A web server on a free port over a DuckDB store in {@code dir} that holds one cafe pairing trace
 * (10 spans): the target of the injection tests.
 */
final class DuckDbWebServer implements AutoCloseable {
  private final SpanStore store;
  private final WebServer server;
  final ApiClient api;

  DuckDbWebServer(Path dir) {
    store =
        StoreProvider.named("duckdb")
            .create(
                new StoreConfig(
                    "duckdb", dir, Map.of("path", dir.resolve("web.duckdb").toString())));
    store.writer().write(TestTraces.cafePairing(new TraceId(1, 2), 1));
    store.writer().flush();
    server =
        WebServer.start(new WebConfig("127.0.0.1", 0), store.reader(), Map::of, TestTraces.CLOCK);
    api = new ApiClient(server.port());
  }

  @Override
  public void close() {
    server.close();
    store.close();
  }
}
