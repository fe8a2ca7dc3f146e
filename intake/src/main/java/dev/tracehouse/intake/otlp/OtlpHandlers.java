package dev.tracehouse.intake.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.tracehouse.intake.MalformedPayloadException;
import dev.tracehouse.intake.SpanSink;
import dev.tracehouse.intake.internal.ListenerCounters;
import dev.tracehouse.intake.internal.RequestBody;
import dev.tracehouse.intake.internal.TraceChunks;
import dev.tracehouse.model.Span;
import dev.tracehouse.pipeline.TracePayload;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OTLP/HTTP requests: content type (415), body size and gzip (413/400), decoding (400),
 * hand-over to the sink (503 with {@code Retry-After} when it refuses), answers in the request's
 * encoding.
 */
final class OtlpHandlers {
  static final String LIMIT_KEY = "intake.otlp.max-payload-bytes";

  private static final Logger LOG = LoggerFactory.getLogger(OtlpHandlers.class);
  private static final OtlpProtoDecoder PROTO = new OtlpProtoDecoder();
  private static final OtlpJsonDecoder JSON = new OtlpJsonDecoder();

  private final SpanSink sink;
  private final ListenerCounters counters;
  private final long maxPayloadBytes;

  OtlpHandlers(SpanSink sink, ListenerCounters counters, long maxPayloadBytes) {
    this.sink = sink;
    this.counters = counters;
    this.maxPayloadBytes = maxPayloadBytes;
  }

  void traces(Context ctx) {
    OtlpFormat format = format(ctx);
    byte[] body = format == null ? null : body(ctx, format);
    if (body == null) {
      return;
    }
    if (sink.saturated()) {
      counters.shed();
      ctx.header("Retry-After", "1");
      OtlpResponses.error(ctx, 503, format, "intake overloaded: payload not decoded, retry", -1);
      return;
    }
    List<Span> spans;
    try {
      spans = (format == OtlpFormat.PROTOBUF ? PROTO : JSON).decode(ByteBuffer.wrap(body));
    } catch (MalformedPayloadException e) {
      counters.malformed();
      OtlpResponses.error(ctx, 400, format, e.getMessage(), e.offset());
      return;
    }
    counters.received(spans.size());
    if (spans.isEmpty() || handOver(spans)) {
      OtlpResponses.ok(ctx, format);
      return;
    }
    counters.dropped(spans.size());
    ctx.header("Retry-After", "1");
    OtlpResponses.error(
        ctx, 503, format, "intake overloaded: " + spans.size() + " spans dropped, retry", -1);
  }

  void notStored(Context ctx, OtlpSignal signal) {
    OtlpFormat format = format(ctx);
    byte[] body = format == null ? null : body(ctx, format);
    if (body == null) {
      return;
    }
    long rejected;
    try {
      rejected =
          format == OtlpFormat.PROTOBUF
              ? signal.count(body)
              : OtlpJsonCounter.count(body, signal.jsonArrayKey());
    } catch (InvalidProtocolBufferException e) {
      counters.malformed();
      OtlpResponses.error(ctx, 400, format, "invalid protobuf: " + e.getMessage(), -1);
      return;
    } catch (MalformedPayloadException e) {
      counters.malformed();
      OtlpResponses.error(ctx, 400, format, e.getMessage(), e.offset());
      return;
    }
    OtlpResponses.partial(ctx, format, signal, rejected);
  }

  /** The request's format, or null after answering 415. */
  private OtlpFormat format(Context ctx) {
    String contentType = ctx.header("Content-Type");
    OtlpFormat format = OtlpFormat.of(contentType);
    if (format == null) {
      counters.rejected();
      OtlpResponses.error(
          ctx,
          415,
          OtlpFormat.JSON,
          "unsupported content type '"
              + contentType
              + "': send application/x-protobuf or application/json",
          -1);
    }
    return format;
  }

  /** The decompressed body, or null after answering 400/413/415. */
  private byte[] body(Context ctx, OtlpFormat format) {
    try {
      return RequestBody.read(ctx.req(), maxPayloadBytes, LIMIT_KEY);
    } catch (RequestBody.RejectedException e) {
      if (e.status() == 400) {
        counters.malformed();
      } else {
        counters.rejected();
      }
      OtlpResponses.error(ctx, e.status(), format, e.getMessage(), -1);
      return null;
    }
  }

  private boolean handOver(List<Span> spans) {
    try {
      return sink.accept(TracePayload.of(TracePayload.Source.OTLP, TraceChunks.byTraceId(spans)));
    } catch (RuntimeException e) {
      LOG.warn("span sink failed; dropping {} spans", spans.size(), e);
      return false;
    }
  }
}
