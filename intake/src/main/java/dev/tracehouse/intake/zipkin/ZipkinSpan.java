package dev.tracehouse.intake.zipkin;

import dev.tracehouse.model.TraceId;
import java.util.List;
import java.util.Map;

/** One Zipkin v2 span as read from JSON; times in microseconds, ids validated. */
record ZipkinSpan(
    TraceId traceId,
    long id,
    long parentId,
    String name,
    String kind,
    long timestampMicros,
    long durationMicros,
    Endpoint local,
    Endpoint remote,
    List<Annotation> annotations,
    Map<String, String> tags,
    boolean debug) {

  /** A network endpoint; absent parts are null, port 0. */
  record Endpoint(String serviceName, String ipv4, String ipv6, int port) {
    static final Endpoint NONE = new Endpoint(null, null, null, 0);
  }

  record Annotation(long timestampMicros, String value) {}
}
