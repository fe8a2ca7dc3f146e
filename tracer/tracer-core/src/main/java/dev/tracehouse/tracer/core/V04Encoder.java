package dev.tracehouse.tracer.core;

import java.util.List;
import java.util.Map;

/** Encodes trace chunks as the msgpack body of {@code PUT /v0.4/traces}. */
final class V04Encoder {

  private V04Encoder() {}

  /** An array of chunks, each an array of span maps with the 12 v0.4 keys. */
  static byte[] encode(List<List<SpanData>> chunks) {
    MsgPackOutput out = new MsgPackOutput();
    out.arrayHeader(chunks.size());
    for (List<SpanData> chunk : chunks) {
      out.arrayHeader(chunk.size());
      for (SpanData span : chunk) {
        encodeSpan(out, span);
      }
    }
    return out.toByteArray();
  }

  private static void encodeSpan(MsgPackOutput out, SpanData span) {
    out.mapHeader(12);
    out.string("trace_id");
    out.uint64(span.traceId());
    out.string("span_id");
    out.uint64(span.spanId());
    out.string("parent_id");
    out.uint64(span.parentId());
    out.string("name");
    out.string(span.name());
    out.string("service");
    out.string(span.service());
    out.string("resource");
    out.string(span.resource());
    out.string("type");
    if (span.type() == null) {
      out.nil();
    } else {
      out.string(span.type());
    }
    out.string("start");
    out.uint64(span.start());
    out.string("duration");
    out.uint64(span.duration());
    out.string("error");
    out.int32(span.error());
    out.string("meta");
    out.mapHeader(span.meta().size());
    for (Map.Entry<String, String> tag : span.meta().entrySet()) {
      out.string(tag.getKey());
      out.string(tag.getValue());
    }
    out.string("metrics");
    out.mapHeader(span.metrics().size());
    for (Map.Entry<String, Double> metric : span.metrics().entrySet()) {
      out.string(metric.getKey());
      out.float64(metric.getValue());
    }
  }
}
