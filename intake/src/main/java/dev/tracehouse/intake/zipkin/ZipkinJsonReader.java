package dev.tracehouse.intake.zipkin;

import com.fasterxml.jackson.core.JsonToken;
import dev.tracehouse.intake.MalformedPayloadException;
import dev.tracehouse.intake.internal.Hex;
import dev.tracehouse.intake.internal.JsonCursor;
import dev.tracehouse.model.TraceId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one Zipkin v2 JSON span object; {@code null} values count as absent. */
final class ZipkinJsonReader {
  private static final Set<String> KINDS = Set.of("CLIENT", "SERVER", "PRODUCER", "CONSUMER");

  private ZipkinJsonReader() {}

  static ZipkinSpan span(JsonCursor c, String at) {
    if (!c.startObject(at)) {
      throw c.error(at + ": a span must be an object, got null");
    }
    long start = c.offset();
    TraceId traceId = null;
    long id = 0;
    long parentId = 0;
    String name = "";
    String kind = "";
    long timestamp = 0;
    long duration = 0;
    ZipkinSpan.Endpoint local = ZipkinSpan.Endpoint.NONE;
    ZipkinSpan.Endpoint remote = ZipkinSpan.Endpoint.NONE;
    List<ZipkinSpan.Annotation> annotations = new ArrayList<>();
    Map<String, String> tags = new LinkedHashMap<>();
    boolean debug = false;
    while (c.nextField()) {
      if (c.token() == JsonToken.VALUE_NULL) {
        continue;
      }
      String field = at + "." + c.fieldName();
      switch (c.key()) {
        case "traceid" -> traceId = traceId(c, field);
        case "id" -> id = spanId(c, field);
        case "parentid" -> parentId = spanId(c, field);
        case "name" -> name = c.text(field);
        case "kind" -> kind = kind(c, field);
        case "timestamp" -> timestamp = c.unsignedLong(field);
        case "duration" -> duration = c.unsignedLong(field);
        case "localendpoint" -> local = endpoint(c, field);
        case "remoteendpoint" -> remote = endpoint(c, field);
        case "annotations" -> annotations(c, field, annotations);
        case "tags" -> tags(c, field, tags);
        case "debug" -> debug = c.bool(field);
        default -> c.skipValue();
      }
    }
    if (traceId == null || id == 0) {
      String missing = traceId == null ? "traceId" : "id";
      throw new MalformedPayloadException(at + ": " + missing + " is missing", start);
    }
    return new ZipkinSpan(
        traceId,
        id,
        parentId,
        name,
        kind,
        timestamp,
        duration,
        local,
        remote,
        annotations,
        tags,
        debug);
  }

  private static TraceId traceId(JsonCursor c, String at) {
    byte[] bytes = c.hex(at, 8, 16);
    TraceId id =
        bytes.length == 8
            ? TraceId.ofLow(Hex.toLong(bytes, 0, 8))
            : new TraceId(Hex.toLong(bytes, 0, 8), Hex.toLong(bytes, 8, 8));
    if (id.high() == 0 && id.low() == 0) {
      throw c.error(at + ": an all-zero id is invalid");
    }
    return id;
  }

  private static long spanId(JsonCursor c, String at) {
    long id = Hex.toLong(c.hex(at, 8), 0, 8);
    if (id == 0) {
      throw c.error(at + ": an all-zero id is invalid");
    }
    return id;
  }

  private static String kind(JsonCursor c, String at) {
    String kind = c.text(at);
    if (!KINDS.contains(kind)) {
      throw c.error(at + ": '" + kind + "' is not CLIENT, SERVER, PRODUCER or CONSUMER");
    }
    return kind;
  }

  private static ZipkinSpan.Endpoint endpoint(JsonCursor c, String at) {
    String service = null;
    String ipv4 = null;
    String ipv6 = null;
    int port = 0;
    if (c.startObject(at)) {
      while (c.nextField()) {
        if (c.token() == JsonToken.VALUE_NULL) {
          continue;
        }
        switch (c.key()) {
          case "servicename" -> service = c.text(at + ".serviceName");
          case "ipv4" -> ipv4 = c.text(at + ".ipv4");
          case "ipv6" -> ipv6 = c.text(at + ".ipv6");
          case "port" -> port = (int) c.boundedLong(at + ".port", 65535);
          default -> c.skipValue();
        }
      }
    }
    return new ZipkinSpan.Endpoint(service, ipv4, ipv6, port);
  }

  private static void annotations(
      JsonCursor c, String at, List<ZipkinSpan.Annotation> annotations) {
    if (!c.startArray(at)) {
      return;
    }
    while (c.nextElement()) {
      String element = at + "[" + annotations.size() + "]";
      if (!c.startObject(element)) {
        throw c.error(element + ": an annotation must be an object, got null");
      }
      long timestamp = 0;
      String value = "";
      while (c.nextField()) {
        switch (c.key()) {
          case "timestamp" -> timestamp = c.unsignedLong(element + ".timestamp");
          case "value" -> value = c.text(element + ".value");
          default -> c.skipValue();
        }
      }
      annotations.add(new ZipkinSpan.Annotation(timestamp, value));
    }
  }

  private static void tags(JsonCursor c, String at, Map<String, String> tags) {
    if (c.startObject(at)) {
      while (c.nextField()) {
        tags.put(c.fieldName(), c.scalarText(at + "." + c.fieldName()));
      }
    }
  }
}
