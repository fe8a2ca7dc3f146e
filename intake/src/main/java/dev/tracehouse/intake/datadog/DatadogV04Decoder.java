package dev.tracehouse.intake.datadog;

import dev.tracehouse.intake.MalformedPayloadException;
import dev.tracehouse.intake.SpanDecoder;
import dev.tracehouse.model.Span;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.msgpack.core.MessageInsufficientBufferException;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageSizeException;

/**
 * Decodes a Datadog {@code /v0.4/traces} msgpack body (spec/agent-intake.md section 6): an array of
 * chunks, each an array of span maps, decoded by key. Ids are unsigned 64-bit; nil or a missing key
 * gives the empty value; native {@code span_links} and {@code span_events} go to meta in the
 * dd-trace-js JSON form ({@link SpanExtras}); unknown keys ({@code meta_struct}, ...) are skipped.
 * The 128-bit trace id is rebuilt per chunk from {@code _dd.p.tid}. {@code /v0.3/traces} uses the
 * same layout.
 */
public final class DatadogV04Decoder implements SpanDecoder {
  public static final String CONTENT_TYPE = "application/msgpack";

  @Override
  public String contentType() {
    return CONTENT_TYPE;
  }

  @Override
  public List<List<Span>> decodeChunks(ByteBuffer body) {
    Objects.requireNonNull(body, "body");
    if (!body.hasRemaining()) {
      throw new MalformedPayloadException("empty body: expected a msgpack array of traces", 0);
    }
    MsgpackCursor in = new MsgpackCursor(body.slice());
    try {
      return readPayload(in);
    } catch (MessageInsufficientBufferException e) {
      throw in.error("unexpected end of payload", e);
    } catch (MessageSizeException e) {
      throw in.error("length header over 2^31-1 elements or bytes", e);
    } catch (MessagePackException | IOException e) {
      throw in.error("invalid msgpack: " + Objects.toString(e.getMessage(), e.toString()), e);
    }
  }

  private static List<List<Span>> readPayload(MsgpackCursor in) throws IOException {
    int chunks = in.arrayHeader();
    List<List<Span>> spans = new ArrayList<>();
    for (int c = 0; c < chunks; c++) {
      in.atSpan(c, -1);
      int count = in.arrayHeader();
      List<ChunkTraceIds.Pending> chunk = new ArrayList<>();
      for (int s = 0; s < count; s++) {
        in.atSpan(c, s);
        chunk.add(readSpan(in));
      }
      ChunkTraceIds.addChunk(spans, chunk);
    }
    in.atSpan(-1, -1);
    if (!in.atEnd()) {
      throw in.error("unexpected bytes after the last trace");
    }
    return spans;
  }

  private static ChunkTraceIds.Pending readSpan(MsgpackCursor in) throws IOException {
    Span.Builder span = Span.builder();
    long traceIdLow = 0;
    String tid = null;
    List<Map<String, Object>> links = List.of();
    List<Map<String, Object>> events = List.of();
    int keys = in.mapHeader();
    for (int k = 0; k < keys; k++) {
      in.atField(null);
      String key = in.string();
      in.atField(key);
      switch (key) {
        case "trace_id" -> traceIdLow = in.uint64();
        case "span_id" -> span.spanId(in.uint64());
        case "parent_id" -> span.parentId(in.uint64());
        case "service" -> span.service(in.string());
        case "name" -> span.name(in.string());
        case "resource" -> span.resource(in.string());
        case "type" -> span.type(in.string());
        case "start" -> span.start(in.int64());
        case "duration" -> span.duration(in.int64());
        case "error" -> span.error(in.flag());
        case "meta" -> tid = readMeta(in, span);
        case "metrics" -> readMetrics(in, span);
        case "span_links" -> links = extras(in, SpanExtras::links);
        case "span_events" -> events = extras(in, SpanExtras::events);
        default -> in.skip();
      }
    }
    return new ChunkTraceIds.Pending(span, traceIdLow, tid, links, events);
  }

  /** The shape of {@link SpanExtras#links} and {@link SpanExtras#events}. */
  @FunctionalInterface
  private interface Extras {
    List<Map<String, Object>> convert(Object tree) throws SpanExtras.InvalidException;
  }

  private static List<Map<String, Object>> extras(MsgpackCursor in, Extras conversion)
      throws IOException {
    try {
      return conversion.convert(in.value(SpanExtras.MAX_DEPTH));
    } catch (SpanExtras.InvalidException e) {
      throw in.error(e.getMessage());
    }
  }

  /** Reads meta into the builder and returns the {@code _dd.p.tid} value, if any. */
  private static String readMeta(MsgpackCursor in, Span.Builder span) throws IOException {
    String tid = null;
    int entries = in.mapHeaderOrNil();
    for (int i = 0; i < entries; i++) {
      in.atKey(null);
      String key = in.string();
      in.atKey(key);
      String value = in.string();
      span.putMeta(key, value);
      if (key.equals(ChunkTraceIds.TID_KEY)) {
        tid = value;
      }
    }
    return tid;
  }

  private static void readMetrics(MsgpackCursor in, Span.Builder span) throws IOException {
    int entries = in.mapHeaderOrNil();
    for (int i = 0; i < entries; i++) {
      in.atKey(null);
      String key = in.string();
      in.atKey(key);
      span.putMetric(key, in.number());
    }
  }
}
