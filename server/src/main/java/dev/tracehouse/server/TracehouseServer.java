package dev.tracehouse.server;

import dev.tracehouse.intake.IntakeConfig;
import dev.tracehouse.intake.IntakeServer;
import dev.tracehouse.intake.otlp.OtlpIntakeConfig;
import dev.tracehouse.intake.otlp.OtlpIntakeServer;
import dev.tracehouse.intake.zipkin.ZipkinIntakeConfig;
import dev.tracehouse.intake.zipkin.ZipkinIntakeServer;
import dev.tracehouse.pipeline.TraceProcessor;
import dev.tracehouse.pipeline.retention.RetentionFilters;
import dev.tracehouse.pipeline.sampling.SamplingConfig;
import dev.tracehouse.query.stats.ServiceStats;
import dev.tracehouse.query.stats.StatsConfig;
import dev.tracehouse.store.SpanStore;
import dev.tracehouse.store.StoreConfig;
import dev.tracehouse.store.StoreProvider;
import dev.tracehouse.web.WebConfig;
import dev.tracehouse.web.WebServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The all-in-one server role: store, trace agent (Datadog, OTLP and Zipkin listeners feeding one
 * pipeline) and web UI in one process.
 */
final class TracehouseServer implements AutoCloseable {
  private final Deque<AutoCloseable> started;
  private final SpanStore store;
  private final TraceProcessor processor;
  private final StatsFlusher flusher;
  private final IntakeServer datadog;
  private final OtlpIntakeServer otlp;
  private final ZipkinIntakeServer zipkin;
  private final WebServer web;

  private TracehouseServer(
      Settings settings, Map<String, String> env, Deque<AutoCloseable> started) {
    this.started = started;
    StatsConfig statsConfig = StatsConfig.fromOptions(settings.under(StatsConfig.PREFIX));
    RetentionFilters retentionFilters = RetentionFiltersSetting.read(settings);
    String type = settings.string("store.type");
    store =
        remember(
            StoreProvider.named(type)
                .create(
                    new StoreConfig(
                        type,
                        Path.of(settings.string("data.dir")),
                        settings.under("store." + type + "."),
                        settings.retention())));
    processor = new TraceProcessor(Clock.systemUTC(), SamplingConfig.from(env), retentionFilters);
    flusher = remember(new StatsFlusher(processor, store.stats()));
    PipelineSink sink = new PipelineSink(processor, store.writer());
    String host = settings.string("intake.host");
    long maxBytes = settings.positive("intake.max-payload-bytes");
    datadog =
        remember(
            IntakeServer.start(
                new IntakeConfig(host, settings.port("intake.datadog.port"), maxBytes),
                sink,
                sink));
    otlp =
        remember(
            OtlpIntakeServer.start(
                new OtlpIntakeConfig(host, settings.port("intake.otlp.port"), maxBytes), sink));
    zipkin =
        remember(
            ZipkinIntakeServer.start(
                new ZipkinIntakeConfig(host, settings.port("intake.zipkin.port"), maxBytes), sink));
    web =
        remember(
            WebServer.start(
                new WebConfig(settings.string("web.host"), settings.port("web.port")),
                store.reader(),
                this::status,
                store.stats().map(s -> new ServiceStats(s.reader(), statsConfig))));
  }

  /**
   * Opens the store and starts the listeners; on failure, whatever was started is closed.
   *
   * @param env the environment; Datadog agent variables ({@code DD_APM_MAX_TPS}, {@code
   *     DD_APM_ERROR_TPS}, {@code DD_APM_ENABLE_RARE_SAMPLER}, {@code DD_APM_MAX_EPS}, {@code
   *     DD_APM_ANALYZED_SPANS}, {@code DD_ENV}) configure the samplers
   */
  static TracehouseServer start(Settings settings, Map<String, String> env) {
    Deque<AutoCloseable> started = new ArrayDeque<>();
    try {
      return new TracehouseServer(settings, env, started);
    } catch (RuntimeException e) {
      closeAll(started);
      throw e;
    }
  }

  private <T extends AutoCloseable> T remember(T resource) {
    started.push(resource);
    return resource;
  }

  /**
   * What {@code GET /api/agent/status} shows: every listener's, the pipeline's, the retention
   * filters' and the store's figures.
   */
  Map<String, Object> status() {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put(
        "intake",
        Map.of("datadog", datadog.stats(), "otlp", otlp.stats(), "zipkin", zipkin.stats()));
    status.put("pipeline", processor.counters());
    status.put("retention_filters", processor.retentionStatus());
    status.put("stats", flusher.status());
    status.put("store", StoreStatusView.of(store));
    return status;
  }

  int intakePort() {
    return datadog.datadogPort();
  }

  int otlpPort() {
    return otlp.port();
  }

  int zipkinPort() {
    return zipkin.port();
  }

  int webPort() {
    return web.port();
  }

  SpanStore store() {
    return store;
  }

  /** Stops the listeners first, then flushes stats, then closes the store. */
  @Override
  public void close() {
    closeAll(started);
  }

  private static void closeAll(Deque<AutoCloseable> started) {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        System.err.println("tracehouse: error while stopping: " + e);
      }
    }
  }
}
