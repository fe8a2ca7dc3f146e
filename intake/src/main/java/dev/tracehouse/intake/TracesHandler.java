package dev.tracehouse.intake;

import dev.tracehouse.model.Span;
import dev.tracehouse.pipeline.TracePayload;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one trace payload: content type and encoding (415), size (413), decoding (400), hand-over
 * to the sink, and the success answer ({@code rate_by_service} JSON, or {@code OK} text on v0.3),
 * or 429 when the sink is overloaded and the client asked for real statuses. While the sink says it
 * is saturated, a payload is read but not decoded, and answered as a dropped one.
 */
final class TracesHandler implements Handler {
  static final String SEND_REAL_HTTP_STATUS = "Datadog-Send-Real-Http-Status";

  /** What a trace endpoint answers on success. */
  enum Reply {
    /** 200 JSON {@code {"rate_by_service": ...}} (v0.4, v0.5). */
    RATES,
    /** 200 text {@code OK\n} (v0.3). */
    TEXT_OK
  }

  private static final Logger LOG = LoggerFactory.getLogger(TracesHandler.class);
  private static final Set<String> JSON_TYPES = Set.of("application/json", "text/json");

  private final SpanDecoder msgpack;
  private final SpanDecoder json;
  private final Reply reply;
  private final SpanSink sink;
  private final IntakeCounters counters;
  private final long maxPayloadBytes;

  /**
   * @param json the decoder for JSON bodies, or null when the endpoint takes only msgpack
   */
  TracesHandler(
      SpanDecoder msgpack,
      SpanDecoder json,
      Reply reply,
      SpanSink sink,
      IntakeCounters counters,
      long maxPayloadBytes) {
    this.msgpack = msgpack;
    this.json = json;
    this.reply = reply;
    this.sink = sink;
    this.counters = counters;
    this.maxPayloadBytes = maxPayloadBytes;
  }

  @Override
  public void handle(Context ctx) {
    String contentType = ctx.header("Content-Type");
    SpanDecoder decoder = decoderFor(contentType);
    if (decoder == null) {
      counters.rejected();
      String accepted = msgpack.contentType() + (json == null ? "" : " or " + json.contentType());
      JsonResponses.error(
          ctx, 415, "unsupported content type '" + contentType + "': send " + accepted);
      return;
    }
    byte[] body = BodyReader.readOrAnswer(ctx, counters, maxPayloadBytes);
    if (body == null) {
      return;
    }
    if (sink.saturated()) {
      counters.shed(count(ctx.header("X-Datadog-Trace-Count")));
      answerDropped(ctx, "intake overloaded: payload dropped undecoded");
      return;
    }
    TracePayload payload;
    try {
      payload = payload(ctx, decoder.decodeChunks(ByteBuffer.wrap(body)));
    } catch (MalformedPayloadException e) {
      counters.malformed();
      JsonResponses.malformed(ctx, e);
      return;
    }
    int spans = payload.spanCount();
    counters.received(spans);
    if (spans == 0 || handOver(payload)) {
      succeed(ctx);
      return;
    }
    counters.dropped(spans);
    answerDropped(ctx, "intake overloaded: " + spans + " spans dropped");
  }

  /** 429 for clients that asked for real statuses; otherwise success, as the Datadog agent does. */
  private void answerDropped(Context ctx, String error) {
    if (HeaderFlags.isTrue(ctx.header(SEND_REAL_HTTP_STATUS))) {
      JsonResponses.error(ctx, 429, error);
    } else {
      succeed(ctx);
    }
  }

  private static TracePayload payload(Context ctx, List<List<Span>> chunks) {
    return new TracePayload(
        TracePayload.Source.DATADOG,
        chunks,
        ctx.header("Datadog-Meta-Lang"),
        HeaderFlags.isTrue(ctx.header("Datadog-Client-Computed-Top-Level")),
        HeaderFlags.isTrue(ctx.header("Datadog-Client-Computed-Stats")),
        count(ctx.header("Datadog-Client-Dropped-P0-Traces")));
  }

  /** A non-negative count header; absent or malformed counts as 0 (it is informational). */
  private static long count(String header) {
    if (header == null) {
      return 0;
    }
    try {
      return Math.max(0, Long.parseLong(header.trim()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * A missing content type counts as msgpack; parameters such as charset are ignored. Null when no
   * decoder of this endpoint reads the type.
   */
  private SpanDecoder decoderFor(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return msgpack;
    }
    int semicolon = contentType.indexOf(';');
    String mediaType = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    mediaType = mediaType.trim().toLowerCase(Locale.ROOT);
    if (mediaType.equals(msgpack.contentType())) {
      return msgpack;
    }
    return json != null && JSON_TYPES.contains(mediaType) ? json : null;
  }

  private void succeed(Context ctx) {
    if (reply == Reply.TEXT_OK) {
      ctx.status(200).contentType("text/plain").result("OK\n");
    } else {
      JsonResponses.rates(ctx, sink.rateByService());
    }
  }

  private boolean handOver(TracePayload payload) {
    try {
      return sink.accept(payload);
    } catch (RuntimeException e) {
      LOG.warn("span sink failed; dropping {} spans", payload.spanCount(), e);
      return false;
    }
  }
}
