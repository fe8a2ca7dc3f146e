package dev.tracehouse.store;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import java.util.ArrayList;
import java.util.List;

/** Named spans and traces for store tests. */
public final class TestSpans {

  /** One millisecond in nanoseconds. */
  public static final long MS = 1_000_000L;

  /** A fixed start time: 2025-11-24T16:00:00Z in ns since the epoch. */
  public static final long T0 = 1_764_000_000_000_000_000L;

  /** The id of {@link #CAFE_PAIR}: a 128-bit id whose low half is >= 2^63. */
  public static final TraceId CAFE_PAIR_ID = new TraceId(0x6923e10000000000L, 0xcafe00000000beefL);

  /**
   * The cafe pairing a beer, starting at {@link #T0}: cafe {@code web.request} root (120 ms) →
   * {@code cafe.best_match} → 4 cafe {@code http.request} clients → 4 taster {@code web.request}
   * children. The last client and its taster call are errors: 10 spans, 2 errors.
   */
  public static final List<Span> CAFE_PAIR = cafePair(CAFE_PAIR_ID, T0);

  /** The root span of {@link #CAFE_PAIR}. */
  public static final Span CAFE_PAIR_ROOT = CAFE_PAIR.get(0);

  private TestSpans() {}

  /** A span with no tags. */
  public static Span span(
      TraceId traceId,
      long spanId,
      long parentId,
      String service,
      String name,
      long start,
      long duration) {
    return Span.builder()
        .traceId(traceId)
        .spanId(spanId)
        .parentId(parentId)
        .service(service)
        .name(name)
        .resource(name)
        .start(start)
        .duration(duration)
        .build();
  }

  /** A trace of one root span. */
  public static Span single(TraceId traceId, String service, long start) {
    return span(traceId, 1, 0, service, "web.request", start, 10 * MS);
  }

  /** The {@link #CAFE_PAIR} shape under another id and start time. */
  public static List<Span> cafePair(TraceId id, long start) {
    List<Span> spans = new ArrayList<>();
    spans.add(
        Span.builder()
            .traceId(id)
            .spanId(1)
            .service("cafe")
            .name("web.request")
            .resource("GET /pair/beer")
            .type("web")
            .start(start)
            .duration(120 * MS)
            .putMeta("http.method", "GET")
            .putMeta("http.url", "http://localhost:5000/pair/beer?name=ipa")
            .putMeta("http.status_code", "200")
            .putMetric("_sampling_priority_v1", 1)
            .putMetric("_dd.top_level", 1)
            .build());
    spans.add(span(id, 2, 1, "cafe", "cafe.best_match", start + 2 * MS, 110 * MS));
    for (int i = 0; i < 4; i++) {
      long clientStart = start + (5 + 25 * i) * MS;
      boolean error = i == 3;
      spans.add(
          span(id, 0x10 + i, 2, "cafe", "http.request", clientStart, 20 * MS).toBuilder()
              .resource("GET /taste")
              .type("http")
              .error(error)
              .putMeta("http.status_code", error ? "500" : "200")
              .build());
      spans.add(
          span(id, 0x20 + i, 0x10 + i, "taster", "web.request", clientStart + MS, 18 * MS)
              .toBuilder()
              .resource("GET /taste")
              .type("web")
              .error(error)
              .build());
    }
    return List.copyOf(spans);
  }
}
