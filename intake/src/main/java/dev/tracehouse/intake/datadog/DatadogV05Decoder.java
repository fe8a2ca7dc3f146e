package dev.tracehouse.intake.datadog;

import dev.tracehouse.intake.MalformedPayloadException;
import dev.tracehouse.intake.SpanDecoder;
import dev.tracehouse.model.Span;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.msgpack.core.MessageInsufficientBufferException;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageSizeException;

/**
 * Decodes a Datadog {@code /v0.5/traces} msgpack body (spec/agent-intake.md section 7): {@code
 * [strings, chunks]}, where every string of a span is an index into {@code strings} and every span
 * is a 12-element array in fixed order. Indexes are checked against the table; entry 0 is not
 * assumed to be empty and duplicate entries are fine. The 128-bit trace id is rebuilt per chunk
 * from {@code _dd.p.tid}.
 */
public final class DatadogV05Decoder implements SpanDecoder {
  public static final String CONTENT_TYPE = "application/msgpack";

  private static final int SPAN_FIELDS = 12;

  @Override
  public String contentType() {
    return CONTENT_TYPE;
  }

  @Override
  public List<List<Span>> decodeChunks(ByteBuffer body) {
    Objects.requireNonNull(body, "body");
    if (!body.hasRemaining()) {
      throw new MalformedPayloadException(
          "empty body: expected a msgpack array [strings, traces]", 0);
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
    int parts = in.arrayHeader();
    if (parts != 2) {
      throw in.error("expected a 2-element array [strings, traces], got " + parts + " elements");
    }
    String[] strings = readStrings(in);
    in.atSpan(-1, -1);
    int chunks = in.arrayHeader();
    List<List<Span>> spans = new ArrayList<>();
    for (int c = 0; c < chunks; c++) {
      in.atSpan(c, -1);
      int count = in.arrayHeader();
      List<ChunkTraceIds.Pending> chunk = new ArrayList<>();
      for (int s = 0; s < count; s++) {
        in.atSpan(c, s);
        chunk.add(readSpan(in, strings));
      }
      ChunkTraceIds.addChunk(spans, chunk);
    }
    in.atSpan(-1, -1);
    if (!in.atEnd()) {
      throw in.error("unexpected bytes after the last trace");
    }
    return spans;
  }

  private static String[] readStrings(MsgpackCursor in) throws IOException {
    in.atField("string table");
    String[] strings = new String[in.arrayHeader()];
    for (int i = 0; i < strings.length; i++) {
      strings[i] = in.string();
    }
    return strings;
  }

  private static ChunkTraceIds.Pending readSpan(MsgpackCursor in, String[] table)
      throws IOException {
    int fields = in.arrayHeader();
    if (fields != SPAN_FIELDS) {
      throw in.error("expected a 12-element span array, got " + fields + " elements");
    }
    Span.Builder span = Span.builder();
    span.service(string(in, table, "service"));
    span.name(string(in, table, "name"));
    span.resource(string(in, table, "resource"));
    in.atField("trace_id");
    long traceIdLow = in.uint64();
    in.atField("span_id");
    span.spanId(in.uint64());
    in.atField("parent_id");
    span.parentId(in.uint64());
    in.atField("start");
    span.start(in.int64());
    in.atField("duration");
    span.duration(in.int64());
    in.atField("error");
    span.error(in.flag());
    String tid = readMeta(in, table, span);
    readMetrics(in, table, span);
    span.type(string(in, table, "type"));
    return new ChunkTraceIds.Pending(span, traceIdLow, tid);
  }

  private static String string(MsgpackCursor in, String[] table, String field) throws IOException {
    in.atField(field);
    return table[in.index(table.length)];
  }

  /** Reads meta into the builder and returns the {@code _dd.p.tid} value, if any. */
  private static String readMeta(MsgpackCursor in, String[] table, Span.Builder span)
      throws IOException {
    in.atField("meta");
    String tid = null;
    int entries = in.mapHeaderOrNil();
    for (int i = 0; i < entries; i++) {
      in.atKey(null);
      String key = table[in.index(table.length)];
      in.atKey(key);
      String value = table[in.index(table.length)];
      span.putMeta(key, value);
      if (key.equals(ChunkTraceIds.TID_KEY)) {
        tid = value;
      }
    }
    return tid;
  }

  private static void readMetrics(MsgpackCursor in, String[] table, Span.Builder span)
      throws IOException {
    in.atField("metrics");
    int entries = in.mapHeaderOrNil();
    for (int i = 0; i < entries; i++) {
      in.atKey(null);
      String key = table[in.index(table.length)];
      in.atKey(key);
      span.putMetric(key, in.number());
    }
  }
}
