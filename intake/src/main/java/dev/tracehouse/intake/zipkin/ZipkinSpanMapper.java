package dev.tracehouse.intake.zipkin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehouse.intake.MalformedPayloadException;
import dev.tracehouse.intake.internal.SemanticNames;
import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a Zipkin v2 span onto the Datadog model; the module README lists every rule. Times past the
 * year 2262 (in nanoseconds) are rejected.
 */
final class ZipkinSpanMapper {
  static final String UNKNOWN_SERVICE = "unknown_service";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ZipkinSpanMapper() {}

  static Span map(ZipkinSpan zipkin, String at) {
    String kind = zipkin.kind().toLowerCase(Locale.ROOT);
    Map<String, String> tags = zipkin.tags();
    Span.Builder span =
        Span.builder()
            .traceId(zipkin.traceId())
            .spanId(zipkin.id())
            .parentId(zipkin.parentId())
            .service(first(zipkin.local().serviceName(), UNKNOWN_SERVICE))
            .name(SemanticNames.operationName(kind, tags::get))
            .resource(SemanticNames.resource(kind, tags::get, zipkin.name()))
            .type(SemanticNames.type(kind, tags::get))
            .start(nanos(zipkin.timestampMicros(), at + ".timestamp"))
            .duration(nanos(zipkin.durationMicros(), at + ".duration"));
    Map<String, String> meta = new LinkedHashMap<>(tags);
    String error = meta.remove("error");
    if (error != null) {
      span.error(true);
      if (!error.isEmpty() && !error.equals("true")) {
        meta.putIfAbsent("error.message", error);
      }
    }
    putIfAbsent(meta, "span.kind", kind);
    ZipkinSpan.Endpoint remote = zipkin.remote();
    putIfAbsent(meta, "peer.service", remote.serviceName());
    putIfAbsent(meta, "out.host", remote.ipv4() != null ? remote.ipv4() : remote.ipv6());
    if (!zipkin.annotations().isEmpty()) {
      putIfAbsent(meta, "events", events(zipkin.annotations()));
    }
    if (zipkin.traceId().high() != 0) {
      meta.put("_dd.p.tid", TraceId.hex16(zipkin.traceId().high()));
    }
    meta.forEach(span::putMeta);
    if (remote.port() != 0) {
      span.putMetric("network.destination.port", remote.port());
    }
    if (zipkin.debug()) {
      span.putMetric("_sampling_priority_v1", 2);
    }
    return span.build();
  }

  private static long nanos(long micros, String at) {
    if (micros < 0 || micros > Long.MAX_VALUE / 1000) {
      throw new MalformedPayloadException(
          at + ": " + Long.toUnsignedString(micros) + " µs is past the year 2262", -1);
    }
    return micros * 1000;
  }

  /** {@code [{"name": value, "time_unix_nano": n}]}, the meta form dd-trace-js uses for events. */
  private static String events(List<ZipkinSpan.Annotation> annotations) {
    List<Map<String, Object>> events = new ArrayList<>();
    for (ZipkinSpan.Annotation annotation : annotations) {
      Map<String, Object> event = new LinkedHashMap<>();
      event.put("name", annotation.value());
      event.put(
          "time_unix_nano",
          new BigInteger(Long.toUnsignedString(annotation.timestampMicros()))
              .multiply(BigInteger.valueOf(1000)));
      events.add(event);
    }
    try {
      return JSON.writeValueAsString(events);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write span events as JSON", e);
    }
  }

  private static void putIfAbsent(Map<String, String> meta, String key, String value) {
    if (value != null && !value.isEmpty()) {
      meta.putIfAbsent(key, value);
    }
  }

  private static String first(String value, String fallback) {
    return value == null || value.isEmpty() ? fallback : value;
  }
}
