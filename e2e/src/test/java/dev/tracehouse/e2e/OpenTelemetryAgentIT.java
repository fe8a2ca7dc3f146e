package dev.tracehouse.e2e;

import static dev.tracehouse.e2e.TraceApi.ofKind;
import static dev.tracehouse.e2e.TraceApi.only;
import static dev.tracehouse.e2e.TraceApi.traceId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Acceptance: the unmodified OpenTelemetry Java agent (Maven Central) exports the same app's spans
 * over OTLP/HTTP protobuf; they are stored as Datadog spans whose service and env come from the
 * resource attributes, with the HTTP client and Jetty server spans in one trace.
 */
class OpenTelemetryAgentIT {

  @Test
  void demoRun_storesOrderAndRefundTraces() throws IOException {
    try (ServerProcess server = ServerProcess.start(Map.of())) {
      TracedApp.runWithOpenTelemetry(server, "otel", "demo");

      // The OTel agent names @Trace spans Class.method (its external-annotations support).
      Map<String, List<JsonNode>> traces = TraceApi.awaitTraces(server, "orders", 2, 6);
      assertOrderTrace(traces.get("OrderApp.placeOrder"));
      assertRefundTrace(traces.get("OrderApp.refund"));
    }
  }

  private static void assertOrderTrace(List<JsonNode> spans) {
    assertThat(spans).hasSize(4);
    JsonNode root = only(spans, "internal", "OrderApp.placeOrder");
    JsonNode reserve = only(spans, "internal", "OrderApp.reserveStock");
    JsonNode client = ofKind(spans, "client");
    JsonNode server = ofKind(spans, "server");
    assertThat(traceId(root)).matches("[0-9a-f]{32}").doesNotStartWith("0".repeat(16));
    assertThat(spans)
        .allSatisfy(
            s -> {
              assertThat(traceId(s)).isEqualTo(traceId(root));
              assertThat(s.path("service").asText()).isEqualTo("orders");
              assertThat(s.path("meta").path("env").asText()).isEqualTo("e2e");
              assertThat(s.path("error").asBoolean()).isFalse();
            });

    assertThat(root.path("parentId").asText()).isEqualTo("0");
    assertThat(root.path("metrics").path("_top_level").asDouble()).isEqualTo(1.0);
    assertThat(reserve.path("parentId").asText()).isEqualTo(root.path("spanId").asText());
    assertThat(client.path("parentId").asText()).isEqualTo(reserve.path("spanId").asText());
    assertThat(server.path("parentId").asText()).isEqualTo(client.path("spanId").asText());

    assertThat(client.path("name").asText()).isEqualTo("http.client.request");
    assertThat(client.path("type").asText()).isEqualTo("http");
    assertThat(client.path("meta").path("otel.scope.name").asText())
        .isEqualTo("io.opentelemetry.java-http-client");
    assertThat(client.path("metrics").path("http.response.status_code").asDouble())
        .isEqualTo(200.0);
    assertThat(server.path("name").asText()).isEqualTo("http.server.request");
    assertThat(server.path("type").asText()).isEqualTo("web");
    assertThat(server.path("meta").path("otel.scope.name").asText())
        .isEqualTo("io.opentelemetry.jetty-12.0");
    assertThat(server.path("meta").path("url.path").asText()).isEqualTo("/stock/espresso");
  }

  private static void assertRefundTrace(List<JsonNode> spans) {
    assertThat(spans).hasSize(2);
    JsonNode root = only(spans, "internal", "OrderApp.refund");
    JsonNode failed = only(spans, "internal", "OrderApp.chargeBack");
    assertThat(traceId(failed)).isEqualTo(traceId(root));
    assertThat(failed.path("parentId").asText()).isEqualTo(root.path("spanId").asText());
    assertThat(root.path("error").asBoolean()).isFalse();
    // Status ERROR plus the "exception" event become the Datadog error fields.
    assertThat(failed.path("error").asBoolean()).isTrue();
    assertThat(failed.path("meta").path("error.type").asText())
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(failed.path("meta").path("error.message").asText()).isEqualTo("card declined");
  }
}
