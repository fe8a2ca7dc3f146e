package dev.tracehouse.intake;

import dev.tracehouse.intake.datadog.DatadogStatsV06Decoder;
import dev.tracehouse.model.ClientStatsPayload;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /v0.6/stats}: client-computed stats (spec/agent-intake.md section 10), decoded and handed
 * to a {@link ClientStatsSink}. Answers 200 {@code {}}; 400 for a malformed body; 429 when the sink
 * is overloaded and the client asked for real statuses.
 */
final class StatsHandler implements Handler {
  private static final Logger LOG = LoggerFactory.getLogger(StatsHandler.class);
  private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

  private final DatadogStatsV06Decoder decoder = new DatadogStatsV06Decoder();
  private final ClientStatsSink sink;
  private final IntakeCounters counters;
  private final long maxPayloadBytes;

  StatsHandler(ClientStatsSink sink, IntakeCounters counters, long maxPayloadBytes) {
    this.sink = sink;
    this.counters = counters;
    this.maxPayloadBytes = maxPayloadBytes;
  }

  @Override
  public void handle(Context ctx) {
    byte[] body = BodyReader.readOrAnswer(ctx, counters, maxPayloadBytes);
    if (body == null) {
      return;
    }
    ClientStatsPayload stats;
    try {
      stats = decoder.decode(ByteBuffer.wrap(body));
    } catch (MalformedPayloadException e) {
      counters.malformed();
      JsonResponses.malformed(ctx, e);
      return;
    }
    if (handOver(stats)) {
      counters.statsReceived();
      JsonResponses.json(ctx, 200, EMPTY_OBJECT);
      return;
    }
    counters.statsDropped();
    if (HeaderFlags.isTrue(ctx.header(TracesHandler.SEND_REAL_HTTP_STATUS))) {
      JsonResponses.error(ctx, 429, "intake overloaded: stats payload dropped");
    } else {
      JsonResponses.json(ctx, 200, EMPTY_OBJECT);
    }
  }

  private boolean handOver(ClientStatsPayload stats) {
    try {
      return sink.accept(stats);
    } catch (RuntimeException e) {
      LOG.warn("stats sink failed; dropping a stats payload", e);
      return false;
    }
  }
}
