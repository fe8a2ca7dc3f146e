package dev.tracehouse.server;

import dev.tracehouse.intake.IntakeConfig;
import dev.tracehouse.intake.IntakeServer;
import dev.tracehouse.intake.SpanSink;
import dev.tracehouse.store.SpanStore;
import dev.tracehouse.store.StoreConfig;
import dev.tracehouse.store.StoreException;
import dev.tracehouse.store.StoreProvider;
import dev.tracehouse.web.WebConfig;
import dev.tracehouse.web.WebServer;
import java.nio.file.Path;

/** The all-in-one server role: store, Datadog intake and web UI in one process. */
final class TracehouseServer implements AutoCloseable {
  private final SpanStore store;
  private final IntakeServer intake;
  private final WebServer web;

  private TracehouseServer(SpanStore store, IntakeServer intake, WebServer web) {
    this.store = store;
    this.intake = intake;
    this.web = web;
  }

  /** Opens the store and starts the listeners; on failure, whatever was started is closed. */
  static TracehouseServer start(Settings settings) {
    String type = settings.string("store.type");
    StoreConfig storeConfig =
        new StoreConfig(
            type, Path.of(settings.string("data.dir")), settings.under("store." + type + "."));
    IntakeConfig intakeConfig =
        new IntakeConfig(
            settings.string("intake.host"),
            settings.port("intake.datadog.port"),
            settings.positive("intake.max-payload-bytes"));
    WebConfig webConfig = new WebConfig(settings.string("web.host"), settings.port("web.port"));

    SpanStore store = StoreProvider.named(type).create(storeConfig);
    IntakeServer intake = null;
    try {
      intake = IntakeServer.start(intakeConfig, sinkFor(store));
      WebServer web = WebServer.start(webConfig, store.reader());
      return new TracehouseServer(store, intake, web);
    } catch (RuntimeException e) {
      if (intake != null) {
        intake.close();
      }
      store.close();
      throw e;
    }
  }

  /** Hands decoded spans to the store; an overloaded store makes the intake drop the payload. */
  static SpanSink sinkFor(SpanStore store) {
    return spans -> {
      try {
        store.writer().write(spans);
        return true;
      } catch (StoreException e) {
        if (e.isOverCapacity()) {
          return false;
        }
        throw e;
      }
    };
  }

  int intakePort() {
    return intake.datadogPort();
  }

  int webPort() {
    return web.port();
  }

  SpanStore store() {
    return store;
  }

  @Override
  public void close() {
    intake.close();
    web.close();
    store.close();
  }
}
