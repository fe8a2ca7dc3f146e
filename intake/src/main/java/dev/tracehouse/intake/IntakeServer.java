package dev.tracehouse.intake;

import dev.tracehouse.intake.datadog.DatadogAgentInfo;
import dev.tracehouse.intake.datadog.DatadogJsonDecoder;
import dev.tracehouse.intake.datadog.DatadogV04Decoder;
import dev.tracehouse.intake.datadog.DatadogV05Decoder;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Datadog agent port: {@code /v0.3}, {@code /v0.4} (msgpack or JSON) and {@code /v0.5}
 * (msgpack) traces, {@code /info}, and the remote-config, telemetry and DogStatsD-proxy endpoints
 * (read and dropped). Every decoded trace payload goes to a {@link SpanSink}; client-computed stats
 * ({@code /v0.6/stats}) go to a {@link ClientStatsSink} when one is given (otherwise the endpoint
 * is neither served nor advertised, so clients keep sending every trace).
 */
public final class IntakeServer implements AutoCloseable {
  private final Javalin datadog;
  private final IntakeCounters counters;

  private IntakeServer(Javalin datadog, IntakeCounters counters) {
    this.datadog = datadog;
    this.counters = counters;
  }

  /**
   * Starts listening; returns once the port is bound.
   *
   * @throws IllegalStateException naming the host and port when the port cannot be bound
   */
  public static IntakeServer start(IntakeConfig config, SpanSink sink) {
    return start(config, sink, null);
  }

  /**
   * Starts listening with {@code /v0.6/stats} served when {@code statsSink} is not null; returns
   * once the port is bound.
   *
   * @throws IllegalStateException naming the host and port when the port cannot be bound
   */
  public static IntakeServer start(IntakeConfig config, SpanSink sink, ClientStatsSink statsSink) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(sink, "sink");
    IntakeCounters counters = new IntakeCounters();
    Map<String, Handler> endpoints = endpoints(sink, counters, config.maxPayloadBytes());
    List<String> advertised = new ArrayList<>(DatadogRoutes.ADVERTISED);
    if (statsSink != null) {
      endpoints.put(
          DatadogRoutes.V06_STATS, new StatsHandler(statsSink, counters, config.maxPayloadBytes()));
      advertised.add(DatadogRoutes.V06_STATS);
    }
    DatadogAgentInfo info = DatadogAgentInfo.of(advertised, config.maxPayloadBytes());
    Javalin app =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.startup.showOldJavalinVersionWarning = false;
              cfg.http.prefer405over404 = true;
              cfg.http.maxRequestSize = config.maxPayloadBytes();
              DatadogRoutes.register(cfg.routes, info, endpoints);
            });
    try {
      app.start(config.host(), config.datadogPort());
    } catch (RuntimeException e) {
      app.stop();
      throw new IllegalStateException(
          "intake.datadog.port: cannot listen on " + config.host() + ":" + config.datadogPort(), e);
    }
    return new IntakeServer(app, counters);
  }

  private static Map<String, Handler> endpoints(
      SpanSink sink, IntakeCounters counters, long limit) {
    DatadogV04Decoder v04 = new DatadogV04Decoder();
    DatadogJsonDecoder json = new DatadogJsonDecoder();
    DiscardingHandler discard = new DiscardingHandler(counters, limit);
    Map<String, Handler> endpoints = new LinkedHashMap<>();
    endpoints.put(
        DatadogRoutes.V03_TRACES,
        new TracesHandler(v04, json, TracesHandler.Reply.TEXT_OK, sink, counters, limit));
    endpoints.put(
        DatadogRoutes.V04_TRACES,
        new TracesHandler(v04, json, TracesHandler.Reply.RATES, sink, counters, limit));
    endpoints.put(
        DatadogRoutes.V05_TRACES,
        new TracesHandler(
            new DatadogV05Decoder(), null, TracesHandler.Reply.RATES, sink, counters, limit));
    endpoints.put(DatadogRoutes.CONFIG, discard);
    endpoints.put(DatadogRoutes.TELEMETRY, discard);
    endpoints.put(DatadogRoutes.DOGSTATSD, discard);
    return endpoints;
  }

  /** The bound Datadog port (the real one when the config asked for 0). */
  public int datadogPort() {
    return datadog.port();
  }

  /** The counters since start: payloads and spans received, malformed, rejected, dropped. */
  public IntakeStats stats() {
    return counters.snapshot();
  }

  /** Stops listening; idempotent. */
  @Override
  public void close() {
    datadog.stop();
  }
}
