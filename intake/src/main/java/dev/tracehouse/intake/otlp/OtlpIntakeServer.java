package dev.tracehouse.intake.otlp;

import dev.tracehouse.intake.SpanSink;
import dev.tracehouse.intake.internal.ListenerCounters;
import dev.tracehouse.intake.internal.Listeners;
import dev.tracehouse.intake.internal.RunningListener;
import io.javalin.Javalin;
import java.util.Objects;

/**
 * The OTLP/HTTP listener (default port 4318): {@code POST /v1/traces} in protobuf or JSON, decoded
 * by {@link OtlpProtoDecoder} / {@link OtlpJsonDecoder} and handed to a {@link SpanSink}; {@code
 * POST /v1/logs} and {@code /v1/metrics} are answered with a partial success rejecting every item
 * (not stored yet). Other paths get 404, other methods 405.
 */
public final class OtlpIntakeServer extends RunningListener {

  private OtlpIntakeServer(Javalin app, ListenerCounters counters) {
    super(app, counters);
  }

  /**
   * Starts listening; returns once the port is bound.
   *
   * @throws IllegalStateException naming the host and port when the port cannot be bound
   */
  public static OtlpIntakeServer start(OtlpIntakeConfig config, SpanSink sink) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(sink, "sink");
    ListenerCounters counters = new ListenerCounters();
    OtlpHandlers handlers = new OtlpHandlers(sink, counters, config.maxPayloadBytes());
    Javalin app =
        Listeners.start(
            "intake.otlp.port",
            config.host(),
            config.port(),
            config.maxPayloadBytes(),
            routes -> {
              routes.post("/v1/traces", handlers::traces);
              for (OtlpSignal signal : OtlpSignal.values()) {
                routes.post(signal.path, ctx -> handlers.notStored(ctx, signal));
              }
            });
    return new OtlpIntakeServer(app, counters);
  }
}
