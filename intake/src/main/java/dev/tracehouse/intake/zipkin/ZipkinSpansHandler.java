package dev.tracehouse.intake.zipkin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehouse.intake.MalformedPayloadException;
import dev.tracehouse.intake.SpanSink;
import dev.tracehouse.intake.internal.ListenerCounters;
import dev.tracehouse.intake.internal.Listeners;
import dev.tracehouse.intake.internal.RequestBody;
import dev.tracehouse.intake.internal.TraceChunks;
import dev.tracehouse.model.Span;
import dev.tracehouse.pipeline.TracePayload;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v2/spans}: JSON only (a missing {@code Content-Type} counts as JSON, like
 * Zipkin), 415 otherwise; 413/400 for size, gzip and decoding; 202 with no body once the sink took
 * the spans, 503 with {@code Retry-After} when it refused them.
 */
final class ZipkinSpansHandler implements Handler {
  static final String LIMIT_KEY = "intake.zipkin.max-payload-bytes";

  private static final Logger LOG = LoggerFactory.getLogger(ZipkinSpansHandler.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ZipkinV2JsonDecoder DECODER = new ZipkinV2JsonDecoder();

  private final SpanSink sink;
  private final ListenerCounters counters;
  private final long maxPayloadBytes;

  ZipkinSpansHandler(SpanSink sink, ListenerCounters counters, long maxPayloadBytes) {
    this.sink = sink;
    this.counters = counters;
    this.maxPayloadBytes = maxPayloadBytes;
  }

  @Override
  public void handle(Context ctx) {
    String contentType = ctx.header("Content-Type");
    if (!isJson(contentType)) {
      counters.rejected();
      Listeners.error(
          ctx, 415, "unsupported content type '" + contentType + "': send application/json");
      return;
    }
    List<Span> spans;
    try {
      byte[] body = RequestBody.read(ctx.req(), maxPayloadBytes, LIMIT_KEY);
      if (sink.saturated()) {
        counters.shed();
        ctx.header("Retry-After", "1");
        Listeners.error(ctx, 503, "intake overloaded: payload not decoded, retry");
        return;
      }
      spans = DECODER.decode(ByteBuffer.wrap(body));
    } catch (RequestBody.RejectedException e) {
      if (e.status() == 400) {
        counters.malformed();
      } else {
        counters.rejected();
      }
      Listeners.error(ctx, e.status(), e.getMessage());
      return;
    } catch (MalformedPayloadException e) {
      counters.malformed();
      malformed(ctx, e);
      return;
    }
    counters.received(spans.size());
    if (spans.isEmpty() || handOver(spans)) {
      ctx.status(202);
      return;
    }
    counters.dropped(spans.size());
    ctx.header("Retry-After", "1");
    Listeners.error(ctx, 503, "intake overloaded: " + spans.size() + " spans dropped, retry");
  }

  private static boolean isJson(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return true;
    }
    int semicolon = contentType.indexOf(';');
    String mediaType = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return mediaType.trim().toLowerCase(Locale.ROOT).equals(ZipkinV2JsonDecoder.CONTENT_TYPE);
  }

  private static void malformed(Context ctx, MalformedPayloadException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", e.getMessage());
    if (e.offset() >= 0) {
      body.put("offset", e.offset());
    }
    try {
      ctx.status(400).contentType("application/json").result(MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException jsonFailure) {
      throw new IllegalStateException("cannot serialise an error body", jsonFailure);
    }
  }

  private boolean handOver(List<Span> spans) {
    try {
      return sink.accept(TracePayload.of(TracePayload.Source.ZIPKIN, TraceChunks.byTraceId(spans)));
    } catch (RuntimeException e) {
      LOG.warn("span sink failed; dropping {} spans", spans.size(), e);
      return false;
    }
  }
}
