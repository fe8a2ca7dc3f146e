package dev.tracehouse.tracer.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes trace chunks as the msgpack body of {@code PUT /v0.5/traces}: {@code [strings, chunks]},
 * every span a 12-element array (service, name, resource, trace id, span id, parent id, start,
 * duration, error, meta, metrics, type) whose strings are indexes into {@code strings}, each
 * distinct string stored once. The spans carry exactly what {@link V04Encoder} writes (same meta
 * and metrics); a span without a type points at {@code ""}. One instance per writer thread: it
 * reuses its table and buffer.
 */
final class V05Encoder {

  private static final int SPAN_FIELDS = 12;

  private final Map<String, Integer> indexes = new HashMap<>();
  private final List<String> table = new ArrayList<>();
  private final MsgPackOutput chunks = new MsgPackOutput();
  private final V04Encoder.Strings tableIndex = (out, value) -> out.uint32(index(value));

  /** Appends {@code [strings, chunks]} to {@code out}, local root first in each chunk. */
  void encode(List<List<CoreSpan>> batch, MsgPackOutput out) {
    indexes.clear();
    table.clear();
    chunks.reset();
    V04Encoder.encodeChunks(batch, chunks, this::encodeSpan);
    out.arrayHeader(2);
    out.arrayHeader(table.size());
    for (String value : table) {
      out.string(value);
    }
    out.append(chunks);
  }

  private void encodeSpan(
      MsgPackOutput out, CoreSpan span, boolean root, V04Encoder.Scratch scratch) {
    out.arrayHeader(SPAN_FIELDS);
    out.uint32(index(span.service()));
    out.uint32(index(span.name()));
    out.uint32(index(span.resource()));
    out.uint64(span.trace().traceIdLow());
    out.uint64(span.spanId());
    out.uint64(span.parentId());
    out.uint64(span.startNanos());
    out.uint64(span.duration());
    out.int32(span.error());
    V04Encoder.writeMeta(out, span, root, scratch, tableIndex);
    V04Encoder.writeMetrics(out, span, root, scratch, tableIndex);
    out.uint32(index(span.type() == null ? "" : span.type()));
  }

  private int index(String value) {
    Integer known = indexes.get(value);
    if (known != null) {
      return known;
    }
    int added = table.size();
    table.add(value);
    indexes.put(value, added);
    return added;
  }
}
