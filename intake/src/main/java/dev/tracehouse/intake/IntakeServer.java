package dev.tracehouse.intake;

import dev.tracehouse.intake.datadog.DatadogAgentInfo;
import dev.tracehouse.intake.datadog.DatadogV04Decoder;
import io.javalin.Javalin;
import java.util.List;
import java.util.Objects;

/**
 * The intake's HTTP listeners. For now one: the Datadog agent port ({@code /v0.4/traces}, {@code
 * /info}), which hands every decoded payload to a {@link SpanSink}.
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
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(sink, "sink");
    IntakeCounters counters = new IntakeCounters();
    DatadogAgentInfo info =
        DatadogAgentInfo.of(List.of(DatadogRoutes.V04_TRACES), config.maxPayloadBytes());
    TracesHandler v04 =
        new TracesHandler(new DatadogV04Decoder(), sink, counters, config.maxPayloadBytes());
    Javalin app =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.startup.showOldJavalinVersionWarning = false;
              cfg.http.prefer405over404 = true;
              cfg.http.maxRequestSize = config.maxPayloadBytes();
              DatadogRoutes.register(cfg.routes, info, v04);
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
