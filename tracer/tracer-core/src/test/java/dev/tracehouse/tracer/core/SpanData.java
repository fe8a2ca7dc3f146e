package dev.tracehouse.tracer.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.Value;

/**
 * A finished span as the agent receives it: decoded from a {@code /v0.4/traces} or {@code
 * /v0.5/traces} body.
 */
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

  /**
   * Decodes a v0.5 body ({@code [strings, chunks]}, each span a 12-element array of string-table
   * indexes and numbers) with msgpack-core. Integer metrics (as dd-java-agent writes them) become
   * doubles; type {@code ""} becomes null, as v0.5 has no nil type.
   */
  static List<List<SpanData>> decodeV05(byte[] body) {
    try (MessageUnpacker in = MessagePack.newDefaultUnpacker(body)) {
      if (in.unpackArrayHeader() != 2) {
        throw new IllegalArgumentException("a v0.5 body is an array of 2");
      }
      List<String> strings = new ArrayList<>();
      for (int count = in.unpackArrayHeader(); count > 0; count--) {
        strings.add(in.unpackString());
      }
      List<List<SpanData>> chunks = new ArrayList<>();
      for (int chunkCount = in.unpackArrayHeader(); chunkCount > 0; chunkCount--) {
        List<SpanData> chunk = new ArrayList<>();
        for (int spanCount = in.unpackArrayHeader(); spanCount > 0; spanCount--) {
          chunk.add(decodeV05Span(in, strings));
        }
        chunks.add(chunk);
      }
      return chunks;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SpanData decodeV05Span(MessageUnpacker in, List<String> strings)
      throws IOException {
    if (in.unpackArrayHeader() != 12) {
      throw new IllegalArgumentException("a v0.5 span is an array of 12");
    }
    String service = strings.get(in.unpackInt());
    String name = strings.get(in.unpackInt());
    String resource = strings.get(in.unpackInt());
    long traceId = in.unpackValue().asIntegerValue().toLong();
    long spanId = in.unpackValue().asIntegerValue().toLong();
    long parentId = in.unpackValue().asIntegerValue().toLong();
    long start = in.unpackLong();
    long duration = in.unpackLong();
    int error = in.unpackInt();
    Map<String, String> meta = new HashMap<>();
    for (int size = in.unpackMapHeader(); size > 0; size--) {
      meta.put(strings.get(in.unpackInt()), strings.get(in.unpackInt()));
    }
    Map<String, Double> metrics = new HashMap<>();
    for (int size = in.unpackMapHeader(); size > 0; size--) {
      String key = strings.get(in.unpackInt());
      Value value = in.unpackValue();
      metrics.put(
          key,
          value.isFloatValue() ? value.asFloatValue().toDouble() : value.asIntegerValue().toLong());
    }
    String type = strings.get(in.unpackInt());
    return new SpanData(
        traceId,
        spanId,
        parentId,
        name,
        service,
        resource,
        type.isEmpty() ? null : type,
        start,
        duration,
        error,
        Map.copyOf(meta),
        Map.copyOf(metrics));
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
