package dev.tracehouse.intake.datadog;

import dev.tracehouse.intake.MalformedPayloadException;
import dev.tracehouse.intake.SpanDecoder;
import dev.tracehouse.model.Span;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;

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
    ChunkBuffer buffer = new ChunkBuffer();
    int chunks = in.arrayHeader();
    List<List<Span>> spans = new ArrayList<>(Math.min(chunks, 1024));
    for (int c = 0; c < chunks; c++) {
      in.atSpan(c, -1);
      int count = in.arrayHeader();
      for (int s = 0; s < count; s++) {
        in.atSpan(c, s);
        readSpan(in, buffer);
      }
      buffer.flushTo(spans);
    }
    in.atSpan(-1, -1);
    if (!in.atEnd()) {
      throw in.error("unexpected bytes after the last trace");
    }
    return spans;
  }

  private static void readSpan(MsgpackCursor in, ChunkBuffer buffer) {
    SpanFields span = buffer.startSpan();
    int keys = in.mapHeader();
    for (int k = 0; k < keys; k++) {
      in.atField(null);
      SpanKey key = in.spanKey();
      if (key == null) {
        in.atField(in.string());
        in.skip();
        continue;
      }
      in.atField(key.wire);
      switch (key) {
        case TRACE_ID -> span.traceIdLow = in.uint64();
        case SPAN_ID -> span.spanId = in.uint64();
        case PARENT_ID -> span.parentId = in.uint64();
        case SERVICE -> span.service = in.string(RecentStrings.SERVICE);
        case NAME -> span.name = in.string(RecentStrings.NAME);
        case RESOURCE -> span.resource = in.string(RecentStrings.RESOURCE);
        case TYPE -> span.type = in.string(RecentStrings.TYPE);
        case START -> span.start = in.int64();
        case DURATION -> span.duration = in.int64();
        case ERROR -> span.error = in.flag();
        case META -> readMeta(in, buffer);
        case METRICS -> readMetrics(in, buffer);
        case SPAN_LINKS -> span.links = extras(in, SpanExtras::links);
        case SPAN_EVENTS -> span.events = extras(in, SpanExtras::events);
      }
    }
    buffer.endSpan();
  }

  /** The shape of {@link SpanExtras#links} and {@link SpanExtras#events}. */
  @FunctionalInterface
  private interface Extras {
    List<Map<String, Object>> convert(Object tree) throws SpanExtras.InvalidException;
  }

  private static List<Map<String, Object>> extras(MsgpackCursor in, Extras conversion) {
    try {
      return conversion.convert(in.value(SpanExtras.MAX_DEPTH));
    } catch (SpanExtras.InvalidException e) {
      throw in.error(e.getMessage());
    }
  }

  /**
   * Reads the next entry's key of a map read against {@code templates}: the template's key when the
   * bytes match, else the key read in the context {@code context} gives for the {@code previous}
   * key. Leaves the cursor at the entry's value.
   */
  private static String templateKey(
      MsgpackCursor in, TagTemplates<?> templates, String previous, ToIntFunction<String> context) {
    in.atKey(null);
    int length = in.stringLength();
    int at = in.position();
    String key = templates.knownKey(in.bytes(), at, length);
    if (key == null) {
      key = in.stringBody(length, context.applyAsInt(previous));
      templates.key(key, at, length);
    } else {
      in.skipString(length);
    }
    in.atKey(key);
    return key;
  }

  private static void readMeta(MsgpackCursor in, ChunkBuffer buffer) {
    int skip = buffer.replayMeta(in.bytes(), in.position(), in.end());
    if (skip >= 0) {
      in.skipBytes(skip);
      return;
    }
    int start = in.position();
    int entries = in.mapHeaderOrNil();
    TagTemplates<String> templates = buffer.metaTemplates();
    if (!buffer.metaEmpty() || !templates.start(entries)) {
      buffer.startMeta(start);
      String key = null;
      for (int i = 0; i < entries; i++) {
        in.atKey(null);
        key = in.string(RecentStrings.metaKeyAfter(key));
        in.atKey(key);
        buffer.putMeta(key, in.string(RecentStrings.metaValueOf(key)));
      }
      buffer.endMeta(in.position());
      return;
    }
    byte[] bytes = in.bytes();
    String key = null;
    String tid = null;
    for (int i = 0; i < entries; i++) {
      key = templateKey(in, templates, key, RecentStrings::metaKeyAfter);
      int length = in.stringLength();
      int at = in.position();
      String value = templates.knownValue(bytes, at, length);
      if (value == null) {
        value = in.stringBody(length, RecentStrings.metaValueOf(key));
        templates.value(value, at, length);
      } else {
        in.skipString(length);
      }
      if (key.equals(ChunkTraceIds.TID_KEY)) {
        tid = value;
      }
    }
    buffer.wholeMeta(templates.finish(), tid, start, in.position());
  }

  private static void readMetrics(MsgpackCursor in, ChunkBuffer buffer) {
    int skip = buffer.replayMetrics(in.bytes(), in.position(), in.end());
    if (skip >= 0) {
      in.skipBytes(skip);
      return;
    }
    int start = in.position();
    int entries = in.mapHeaderOrNil();
    TagTemplates<Double> templates = buffer.metricTemplates();
    if (!buffer.metricsEmpty() || !templates.start(entries)) {
      buffer.startMetrics(start);
      String key = null;
      for (int i = 0; i < entries; i++) {
        in.atKey(null);
        key = in.string(RecentStrings.metricKeyAfter(key));
        in.atKey(key);
        buffer.putMetric(key, in.number());
      }
      buffer.endMetrics(in.position());
      return;
    }
    byte[] bytes = in.bytes();
    String key = null;
    for (int i = 0; i < entries; i++) {
      key = templateKey(in, templates, key, RecentStrings::metricKeyAfter);
      int at = in.position();
      double number = in.number();
      int length = in.position() - at;
      if (templates.knownValue(bytes, at, length) == null) {
        templates.value(ChunkBuffer.box(number), at, length);
      }
    }
    buffer.wholeMetrics(templates.finish(), start, in.position());
  }
}
