package dev.tracehouse.web;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Named traces shared by the API and browser tests. */
final class TestTraces {

  /** Start of {@link #cafePairing}: 2026-11-25T10:00:00Z in ns. */
  static final long T0 = 1_795_600_800_000_000_000L;

  /** "Now" for search windows: five minutes after {@link #T0}, so the default window holds it. */
  static final Clock CLOCK =
      Clock.fixed(Instant.ofEpochMilli(T0 / 1_000_000 + 300_000), ZoneOffset.UTC);

  private static final long MS = 1_000_000L;

  private TestTraces() {}

  /**
   * cafe {@code web.request GET /pair/beer} → {@code best_match} → 4 × {@code http.request}, each
   * with a taster {@code web.request} child; the third taster child fails. Span ids start at {@code
   * firstSpanId}, so ids at or above 2^63 can be tested.
   */
  static List<Span> cafePairing(TraceId traceId, long firstSpanId) {
    List<Span> spans = new ArrayList<>();
    long root = firstSpanId;
    long bestMatch = firstSpanId + 1;
    spans.add(
        span(traceId, root, 0, "cafe", "web.request", "GET /pair/beer", 0, 480)
            .type("web")
            .putMeta("http.method", "GET")
            .putMeta("http.url", "http://localhost:5000/pair/beer?name=ipa")
            .putMeta("http.status_code", "200")
            .putMetric("_dd.top_level", 1)
            .build());
    spans.add(span(traceId, bestMatch, root, "cafe", "best_match", "best_match", 5, 460).build());
    for (int i = 0; i < 4; i++) {
      long client = firstSpanId + 2 + 2L * i;
      long server = client + 1;
      long at = 10 + 110L * i;
      spans.add(
          span(traceId, client, bestMatch, "cafe", "http.request", "GET /taste", at, 100)
              .type("http")
              .putMeta("span.kind", "client")
              .putMeta("peer.service", "taster")
              .build());
      Span.Builder taster =
          span(traceId, server, client, "taster", "web.request", "GET /taste", at + 5, 85)
              .type("web")
              .putMeta("span.kind", "server")
              .putMeta("http.status_code", i == 2 ? "500" : "200");
      if (i == 2) {
        taster
            .error(true)
            .putMeta("error.type", "java.lang.IllegalStateException")
            .putMeta("error.message", "beer 'ipa' is out of stock")
            .putMeta("error.stack", "java.lang.IllegalStateException: out of stock\n\tat Taster");
      }
      spans.add(taster.build());
    }
    return spans;
  }

  private static Span.Builder span(
      TraceId traceId,
      long spanId,
      long parentId,
      String service,
      String name,
      String resource,
      long startMs,
      long durationMs) {
    return Span.builder()
        .traceId(traceId)
        .spanId(spanId)
        .parentId(parentId)
        .service(service)
        .name(name)
        .resource(resource)
        .start(T0 + startMs * MS)
        .duration(durationMs * MS)
        .putMeta("env", "workshop");
  }
}
