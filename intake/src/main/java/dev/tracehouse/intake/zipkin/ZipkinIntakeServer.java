package dev.tracehouse.intake.zipkin;

import dev.tracehouse.intake.SpanSink;
import dev.tracehouse.intake.internal.ListenerCounters;
import dev.tracehouse.intake.internal.Listeners;
import dev.tracehouse.intake.internal.RunningListener;
import io.javalin.Javalin;
import java.util.Objects;

/**
 * The Zipkin listener (default port 9411): {@code POST /api/v2/spans} with a JSON array of Zipkin
 * v2 spans, decoded by {@link ZipkinV2JsonDecoder} and handed to a {@link SpanSink}; answers 202
 * like Zipkin. Other paths get 404, other methods 405.
 */
public final class ZipkinIntakeServer extends RunningListener {

  private ZipkinIntakeServer(Javalin app, ListenerCounters counters) {
    super(app, counters);
  }

  /**
   * Starts listening; returns once the port is bound.
   *
   * @throws IllegalStateException naming the host and port when the port cannot be bound
   */
  public static ZipkinIntakeServer start(ZipkinIntakeConfig config, SpanSink sink) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(sink, "sink");
    ListenerCounters counters = new ListenerCounters();
    ZipkinSpansHandler handler = new ZipkinSpansHandler(sink, counters, config.maxPayloadBytes());
    Javalin app =
        Listeners.start(
            "intake.zipkin.port",
            config.host(),
            config.port(),
            config.maxPayloadBytes(),
            routes -> routes.post("/api/v2/spans", handler));
    return new ZipkinIntakeServer(app, counters);
  }
}
