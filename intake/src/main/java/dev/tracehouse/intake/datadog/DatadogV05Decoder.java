package dev.tracehouse.intake.datadog;

import dev.tracehouse.intake.MalformedPayloadException;
import dev.tracehouse.intake.SpanDecoder;
import dev.tracehouse.model.Span;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
    int parts = in.arrayHeader();
    if (parts != 2) {
      throw in.error("expected a 2-element array [strings, traces], got " + parts + " elements");
    }
    String[] strings = readStrings(in);
    in.atSpan(-1, -1);
    ChunkBuffer buffer = new ChunkBuffer();
    int chunks = in.arrayHeader();
    List<List<Span>> spans = new ArrayList<>(Math.min(chunks, 1024));
    for (int c = 0; c < chunks; c++) {
      in.atSpan(c, -1);
      int count = in.arrayHeader();
      for (int s = 0; s < count; s++) {
        in.atSpan(c, s);
        readSpan(in, strings, buffer);
      }
      buffer.flushTo(spans);
    }
    in.atSpan(-1, -1);
    if (!in.atEnd()) {
      throw in.error("unexpected bytes after the last trace");
    }
    return spans;
  }

  private static String[] readStrings(MsgpackCursor in) {
    in.atField("string table");
    String[] strings = new String[in.arrayHeader()];
    for (int i = 0; i < strings.length; i++) {
      strings[i] = in.string();
    }
    return strings;
  }

  private static void readSpan(MsgpackCursor in, String[] table, ChunkBuffer buffer) {
    int fields = in.arrayHeader();
    if (fields != SPAN_FIELDS) {
      throw in.error("expected a 12-element span array, got " + fields + " elements");
    }
    SpanFields span = buffer.startSpan();
    span.service = string(in, table, "service");
    span.name = string(in, table, "name");
    span.resource = string(in, table, "resource");
    in.atField("trace_id");
    span.traceIdLow = in.uint64();
    in.atField("span_id");
    span.spanId = in.uint64();
    in.atField("parent_id");
    span.parentId = in.uint64();
    in.atField("start");
    span.start = in.int64();
    in.atField("duration");
    span.duration = in.int64();
    in.atField("error");
    span.error = in.flag();
    readMeta(in, table, buffer);
    readMetrics(in, table, buffer);
    span.type = string(in, table, "type");
    buffer.endSpan();
  }

  private static String string(MsgpackCursor in, String[] table, String field) {
    in.atField(field);
    return table[in.index(table.length)];
  }

  private static void readMeta(MsgpackCursor in, String[] table, ChunkBuffer buffer) {
    in.atField("meta");
    int entries = in.mapHeaderOrNil();
    for (int i = 0; i < entries; i++) {
      in.atKey(null);
      String key = table[in.index(table.length)];
      in.atKey(key);
      buffer.putMeta(key, table[in.index(table.length)]);
    }
  }

  private static void readMetrics(MsgpackCursor in, String[] table, ChunkBuffer buffer) {
    in.atField("metrics");
    int entries = in.mapHeaderOrNil();
    for (int i = 0; i < entries; i++) {
      in.atKey(null);
      String key = table[in.index(table.length)];
      in.atKey(key);
      buffer.putMetric(key, in.number());
    }
  }
}
