package dev.tracehouse.intake;

import dev.tracehouse.model.Span;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one trace payload: content type (415), size (413), decoding (400), hand-over to the sink,
 * and the {@code rate_by_service} answer, or 429 when the sink is overloaded and the client asked
 * for real statuses.
 */
final class TracesHandler implements Handler {
  static final String SEND_REAL_HTTP_STATUS = "Datadog-Send-Real-Http-Status";

  private static final Logger LOG = LoggerFactory.getLogger(TracesHandler.class);

  private final SpanDecoder decoder;
  private final SpanSink sink;
  private final IntakeCounters counters;
  private final long maxPayloadBytes;

  TracesHandler(SpanDecoder decoder, SpanSink sink, IntakeCounters counters, long maxPayloadBytes) {
    this.decoder = decoder;
    this.sink = sink;
    this.counters = counters;
    this.maxPayloadBytes = maxPayloadBytes;
  }

  @Override
  public void handle(Context ctx) {
    String contentType = ctx.header("Content-Type");
    if (!accepts(contentType)) {
      counters.rejected();
      JsonResponses.error(
          ctx,
          415,
          "unsupported content type '" + contentType + "': send " + decoder.contentType());
      return;
    }
    byte[] body;
    try {
      body = BoundedBody.read(ctx.req(), maxPayloadBytes);
    } catch (BoundedBody.TooLargeException e) {
      counters.rejected();
      JsonResponses.error(ctx, 413, e.getMessage());
      return;
    } catch (IOException | RuntimeException e) {
      JsonResponses.error(ctx, 400, "could not read the request body: " + e.getMessage());
      return;
    }
    List<Span> spans;
    try {
      spans = decoder.decode(ByteBuffer.wrap(body));
    } catch (MalformedPayloadException e) {
      counters.malformed();
      JsonResponses.malformed(ctx, e);
      return;
    }
    counters.received(spans.size());
    if (spans.isEmpty() || handOver(spans)) {
      JsonResponses.rates(ctx);
      return;
    }
    counters.dropped(spans.size());
    if (HeaderFlags.isTrue(ctx.header(SEND_REAL_HTTP_STATUS))) {
      JsonResponses.error(ctx, 429, "intake overloaded: " + spans.size() + " spans dropped");
    } else {
      JsonResponses.rates(ctx);
    }
  }

  /** A missing content type counts as the decoder's; parameters such as charset are ignored. */
  private boolean accepts(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return true;
    }
    int semicolon = contentType.indexOf(';');
    String mediaType = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return mediaType.trim().toLowerCase(Locale.ROOT).equals(decoder.contentType());
  }

  private boolean handOver(List<Span> spans) {
    try {
      return sink.accept(spans);
    } catch (RuntimeException e) {
      LOG.warn("span sink failed; dropping {} spans", spans.size(), e);
      return false;
    }
  }
}
