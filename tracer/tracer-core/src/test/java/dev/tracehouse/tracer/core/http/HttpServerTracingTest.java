package dev.tracehouse.tracer.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.tracer.Tracer;
import dev.tracehouse.tracer.core.CoreSpan;
import dev.tracehouse.tracer.core.CoreTracer;
import dev.tracehouse.tracer.core.InMemoryWriter;
import dev.tracehouse.tracer.core.SpanData;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpServerTracingTest {

  private final InMemoryWriter writer = new InMemoryWriter();
  private final CoreTracer tracer = InMemoryWriter.tracer(writer);

  private CoreSpan start(Map<String, String> headers) {
    return HttpServerTracing.start(
        tracer, "jakarta-servlet", "get", "http://localhost:5001/taste", "/taste", headers);
  }

  @Test
  void start_createsActiveServerSpanWithHttpTags() {
    CoreSpan span = start(Map.of());
    assertThat(tracer.activeSpan()).containsSame(span);

    HttpServerTracing.finish(span, 200, false, null);

    assertThat(tracer.activeSpan()).isEmpty();
    SpanData data = writer.spans().get(0);
    assertThat(data.name()).isEqualTo("web.request");
    assertThat(data.type()).isEqualTo("web");
    assertThat(data.resource()).isEqualTo("GET /taste");
    assertThat(data.parentId()).isZero();
    assertThat(data.error()).isZero();
    assertThat(data.meta())
        .containsEntry("span.kind", "server")
        .containsEntry("component", "jakarta-servlet")
        .containsEntry("http.method", "GET")
        .containsEntry("http.url", "http://localhost:5001/taste")
        .containsEntry("http.status_code", "200");
  }

  @Test
  void start_continuesTraceFromTraceparentWhenNoDatadogHeaders() {
    Map<String, String> headers =
        Map.of("traceparent", "00-740b5d7e77db151ee03a4ef566c770f7-5ecbcaf5329f04e5-03");

    HttpServerTracing.finish(start(headers), 200, false, null);

    SpanData data = writer.spans().get(0);
    assertThat(data.traceId()).isEqualTo(0xe03a4ef566c770f7L);
    assertThat(data.parentId()).isEqualTo(0x5ecbcaf5329f04e5L);
    assertThat(data.meta()).containsEntry("_dd.p.tid", "740b5d7e77db151e");
  }

  @Test
  void start_continuesTraceFromDatadogHeaders() {
    Map<String, String> headers =
        Map.of(
            "X-Datadog-Trace-Id", "6700376570940581545",
            "X-Datadog-Parent-Id", "2580671260776265235",
            "X-Datadog-Sampling-Priority", "2",
            "X-Datadog-Tags", "_dd.p.tid=6b0701ae00000000,_dd.p.dm=-1");

    HttpServerTracing.finish(start(headers), 200, false, null);

    SpanData data = writer.spans().get(0);
    assertThat(data.traceId()).isEqualTo(6700376570940581545L);
    assertThat(data.parentId()).isEqualTo(2580671260776265235L);
    assertThat(data.meta()).containsEntry("_dd.p.tid", "6b0701ae00000000");
    assertThat(data.metrics()).containsEntry("_sampling_priority_v1", 2.0);
  }

  @Test
  void start_startsNewTraceWhenHeadersAreMalformed() {
    Map<String, String> headers =
        Map.of("x-datadog-trace-id", "not-a-number", "x-datadog-parent-id", "1");

    HttpServerTracing.finish(start(headers), 200, false, null);

    assertThat(writer.spans().get(0).parentId()).isZero();
  }

  @Test
  void finish_marksServerErrorStatusAsError() {
    HttpServerTracing.finish(start(Map.of()), 503, false, null);

    SpanData data = writer.spans().get(0);
    assertThat(data.error()).isEqualTo(1);
    assertThat(data.meta())
        .containsEntry("http.status_code", "503")
        .doesNotContainKey("error.type");
  }

  @Test
  void finish_recordsEscapingException() {
    HttpServerTracing.finish(start(Map.of()), 200, false, new IllegalArgumentException("bad beer"));

    SpanData data = writer.spans().get(0);
    assertThat(data.error()).isEqualTo(1);
    assertThat(data.meta()).containsEntry("error.message", "bad beer");
  }

  @Test
  void finish_keepsClientErrorStatusAsSuccess() {
    HttpServerTracing.finish(start(Map.of()), 404, false, null);

    assertThat(writer.spans().get(0).error()).isZero();
  }

  @Test
  void route_namesTheSpanAfterTheTemplate() {
    CoreSpan span =
        HttpServerTracing.start(
            tracer, "jakarta-servlet", "GET", "http://h/beers/ipa", "/beers/ipa", Map.of());

    HttpServerTracing.route(span, "get", "/beers/{name}");
    HttpServerTracing.finish(span, 404, true, null);

    SpanData data = writer.spans().get(0);
    assertThat(data.resource()).isEqualTo("GET /beers/{name}");
    assertThat(data.meta()).containsEntry("http.route", "/beers/{name}");
  }

  @Test
  void finish_namesA404WithoutRoute404() {
    HttpServerTracing.finish(start(Map.of()), 404, false, null);

    SpanData data = writer.spans().get(0);
    assertThat(data.resource()).isEqualTo("404");
    assertThat(data.meta()).doesNotContainKey("http.route");
  }

  @Test
  void route_ignoresBlankTemplates() {
    CoreSpan span = start(Map.of());

    HttpServerTracing.route(span, "GET", " ");
    HttpServerTracing.finish(span, 200, false, null);

    assertThat(writer.spans().get(0).resource()).isEqualTo("GET /taste");
  }

  @Test
  void start_returnsNullForForeignTracer() {
    CoreSpan span =
        HttpServerTracing.start(Tracer.global(), "c", "GET", "http://h/", "/", Map.of());

    assertThat(span).isNull();
    HttpServerTracing.finish(null, 200, false, null);
  }
}
