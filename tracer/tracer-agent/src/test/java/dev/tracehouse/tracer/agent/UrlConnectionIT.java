package dev.tracehouse.tracer.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.testapp.UrlConnectionApp;
import dev.tracehouse.tracer.agent.FakeIntake.ReceivedSpan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link UrlConnectionApp} with the real agent jar: one client span per {@link
 * java.net.HttpURLConnection} request, child of the active span, whose ids reach the server in the
 * Datadog and W3C headers.
 */
class UrlConnectionIT extends AgentJarIT {

  @Test
  void requests_becomeOneClientSpanEach_withPropagationHeaders() throws Exception {
    try (FakeIntake intake = new FakeIntake()) {
      String output =
          AppProcess.run(
              UrlConnectionApp.class, intake.port(), "urlconnection", Map.of(), List.of());
      List<ReceivedSpan> spans = intake.spans();
      ReceivedSpan parent = only(spans, "client.calls");
      List<ReceivedSpan> clients =
          spans.stream().filter(s -> s.name().equals("http.request")).toList();

      assertThat(clients)
          .extracting(ReceivedSpan::resource)
          .containsExactlyInAnyOrder(
              "GET /menu", "PUT /orders", "GET /fail", "GET /missing", "GET /down");
      assertThat(clients)
          .allSatisfy(
              span -> {
                assertThat(span.parentId()).isEqualTo(parent.spanId());
                assertThat(span.traceId()).isEqualTo(parent.traceId());
                assertThat(span.type()).isEqualTo("http");
                assertThat(span.meta())
                    .containsEntry("span.kind", "client")
                    .containsEntry("component", "http-url-connection");
              });
      ReceivedSpan menu = resource(clients, "GET /menu");
      assertThat(menu.meta().get("http.url")).endsWith("/menu");
      assertThat(menu.meta()).containsEntry("http.method", "GET");
      assertThat(menu.meta()).containsEntry("http.status_code", "200");
      assertThat(menu.error()).isZero();
      assertThat(resource(clients, "PUT /orders").meta()).containsEntry("http.method", "PUT");
      assertThat(resource(clients, "GET /fail").error()).isEqualTo(1);
      assertThat(resource(clients, "GET /fail").meta()).containsEntry("http.status_code", "500");
      ReceivedSpan missing = resource(clients, "GET /missing");
      assertThat(missing.error()).isZero();
      assertThat(missing.meta())
          .containsEntry("http.status_code", "404")
          .doesNotContainKey("error.type");
      ReceivedSpan down = resource(clients, "GET /down");
      assertThat(down.error()).isEqualTo(1);
      assertThat(down.meta())
          .containsEntry("error.type", "java.net.ConnectException")
          .doesNotContainKey("http.status_code");

      for (String path : List.of("/menu", "/orders", "/fail", "/missing")) {
        ReceivedSpan client =
            resource(clients, path.equals("/orders") ? "PUT /orders" : "GET " + path);
        assertThat(output)
            .contains(
                "received "
                    + path
                    + " parent="
                    + Long.toUnsignedString(client.spanId())
                    + " traceparent=00-"
                    + parent.meta().get("_dd.p.tid")
                    + String.format("%016x-%016x-01", client.traceId(), client.spanId()));
      }
      assertThat(output).contains("status 404 for 404", "status 500 for 500", "status 200 for 200");
      assertThat(intake.problems()).isEmpty();
    }
  }

  @Test
  void switch_turnsClientSpansOff() throws Exception {
    try (FakeIntake intake = new FakeIntake()) {
      String output =
          AppProcess.run(
              UrlConnectionApp.class,
              intake.port(),
              "urlconnection-off",
              Map.of("DD_TRACE_HTTPURLCONNECTION_ENABLED", "false"),
              List.of());

      assertThat(intake.spans()).extracting(ReceivedSpan::name).containsExactly("client.calls");
      assertThat(output).contains("received /menu parent=null traceparent=null");
    }
  }

  private static ReceivedSpan only(List<ReceivedSpan> spans, String name) {
    List<ReceivedSpan> found = spans.stream().filter(s -> s.name().equals(name)).toList();
    assertThat(found).as(name).hasSize(1);
    return found.get(0);
  }

  private static ReceivedSpan resource(List<ReceivedSpan> spans, String resource) {
    List<ReceivedSpan> found = spans.stream().filter(s -> s.resource().equals(resource)).toList();
    assertThat(found).as(resource).hasSize(1);
    return found.get(0);
  }
}
