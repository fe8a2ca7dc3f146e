package dev.tracehouse.tracer.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

/** A finished span as the agent receives it: decoded from a {@code /v0.4/traces} body. */
public record SpanData(
    long traceId,
    long spanId,
    long parentId,
    String name,
    String service,
    String resource,
    String type,
    long start,
    long duration,
    int error,
    Map<String, String> meta,
    Map<String, Double> metrics) {

  /** Decodes a v0.4 body (an array of chunks of span maps), with msgpack-core. */
  static List<List<SpanData>> decode(byte[] body) {
    try (MessageUnpacker in = MessagePack.newDefaultUnpacker(body)) {
      List<List<SpanData>> chunks = new ArrayList<>();
      for (int chunkCount = in.unpackArrayHeader(); chunkCount > 0; chunkCount--) {
        List<SpanData> chunk = new ArrayList<>();
        for (int spanCount = in.unpackArrayHeader(); spanCount > 0; spanCount--) {
          chunk.add(decodeSpan(in));
        }
        chunks.add(chunk);
      }
      return chunks;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SpanData decodeSpan(MessageUnpacker in) throws IOException {
    Map<String, Object> fields = new HashMap<>();
    for (int size = in.unpackMapHeader(); size > 0; size--) {
      String key = in.unpackString();
      switch (key) {
        case "meta" -> fields.put(key, unpackMeta(in));
        case "metrics" -> fields.put(key, unpackMetrics(in));
        case "name", "service", "resource" -> fields.put(key, in.unpackString());
        case "type" -> fields.put(key, in.tryUnpackNil() ? null : in.unpackString());
        default -> fields.put(key, in.unpackValue().asIntegerValue().toLong());
      }
    }
    return new SpanData(
        (Long) fields.get("trace_id"),
        (Long) fields.get("span_id"),
        (Long) fields.get("parent_id"),
        (String) fields.get("name"),
        (String) fields.get("service"),
        (String) fields.get("resource"),
        (String) fields.get("type"),
        (Long) fields.get("start"),
        (Long) fields.get("duration"),
        ((Long) fields.get("error")).intValue(),
        cast(fields.get("meta")),
        cast(fields.get("metrics")));
  }

  private static Map<String, String> unpackMeta(MessageUnpacker in) throws IOException {
    Map<String, String> meta = new HashMap<>();
    for (int size = in.unpackMapHeader(); size > 0; size--) {
      meta.put(in.unpackString(), in.unpackString());
    }
    return Map.copyOf(meta);
  }

  private static Map<String, Double> unpackMetrics(MessageUnpacker in) throws IOException {
    Map<String, Double> metrics = new HashMap<>();
    for (int size = in.unpackMapHeader(); size > 0; size--) {
      metrics.put(in.unpackString(), in.unpackDouble());
    }
    return Map.copyOf(metrics);
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object value) {
    return (T) value;
  }
}
