package dev.tracehouse.intake;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;

/**
 * Accepts requests clients send besides traces ({@code /v0.7/config} remote-config polls,
 * telemetry, the DogStatsD proxy): reads the body within the size limit, counts it, drops it, and
 * answers 200 {@code {}}, which both Datadog clients accept (spec/agent-intake.md section 12).
 */
final class DiscardingHandler implements Handler {
  private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

  private final IntakeCounters counters;
  private final long maxPayloadBytes;

  DiscardingHandler(IntakeCounters counters, long maxPayloadBytes) {
    this.counters = counters;
    this.maxPayloadBytes = maxPayloadBytes;
  }

  @Override
  public void handle(Context ctx) {
    if (BodyReader.readOrAnswer(ctx, counters, maxPayloadBytes) != null) {
      counters.discarded();
      JsonResponses.json(ctx, 200, EMPTY_OBJECT);
    }
  }
}
