package dev.tracehouse.e2e;

import static dev.tracehouse.e2e.TraceApi.ofKind;
import static dev.tracehouse.e2e.TraceApi.only;
import static dev.tracehouse.e2e.TraceApi.traceId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Acceptance: the unmodified dd-java-agent (Maven Central) instruments a small app and sends to our
 * server over v0.4 (its default) and v0.5; the stored traces have the expected shape, 128-bit ids,
 * client and server HTTP spans in one trace, and the error span's details.
 */
class DatadogAgentIT {
  private ServerProcess server;

  @BeforeEach
  void startServer() throws IOException {
    server = ServerProcess.start(Map.of());
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"v0.4", "v0.5"})
  void demoRun_storesOrderAndRefundTraces(String protocol) throws IOException {
    List<String> flags =
        protocol.equals("v0.5") ? List.of("-Ddd.trace.agent.v0.5.enabled=true") : List.of();
    String output = TracedApp.runWithDatadog(server, "dd-" + protocol, flags, "demo");
    // The client's own log line: the endpoint it chose from our /info.
    assertThat(output).contains("discovered traceEndpoint=" + protocol + "/traces");

    Map<String, List<JsonNode>> traces = TraceApi.awaitTraces(server, "orders", 2, 6);
    assertOrderTrace(traces.get("POST /orders"));
    assertRefundTrace(traces.get("POST /refunds"));
  }

  private static void assertOrderTrace(List<JsonNode> spans) {
    JsonNode root = only(spans, "order.place", "POST /orders");
    JsonNode reserve = only(spans, "order.reserve", "reserve stock");
    JsonNode client = ofKind(spans, "client");
    JsonNode server = ofKind(spans, "server");
    assertThat(spans).hasSize(4);
    assertThat(spans).allSatisfy(s -> assertThat(traceId(s)).isEqualTo(traceId(root)));
    assertThat(spans).allSatisfy(s -> assertThat(s.path("service").asText()).isEqualTo("orders"));
    assertThat(spans).allSatisfy(s -> assertThat(s.path("error").asBoolean()).isFalse());
    assert128BitId(root);
    assertKeptByClient(root);

    assertThat(root.path("parentId").asText()).isEqualTo("0");
    assertThat(reserve.path("parentId").asText()).isEqualTo(root.path("spanId").asText());
    assertThat(client.path("parentId").asText()).isEqualTo(reserve.path("spanId").asText());
    assertThat(server.path("parentId").asText()).isEqualTo(client.path("spanId").asText());

    assertThat(client.path("name").asText()).isEqualTo("http.request");
    assertThat(client.path("resource").asText()).isEqualTo("GET /stock/espresso");
    assertThat(client.path("meta").path("component").asText()).isEqualTo("java-http-client");
    assertThat(client.path("meta").path("http.status_code").asText()).isEqualTo("200");
    assertThat(server.path("resource").asText()).isEqualTo("GET /stock/espresso");
    assertThat(server.path("type").asText()).isEqualTo("web");
    assertThat(server.path("meta").path("component").asText()).isEqualTo("jetty-server");
    assertThat(server.path("meta").path("env").asText()).isEqualTo("e2e");
    // The server span starts its own chunk on the Jetty thread: the priority came with the call.
    assertThat(server.path("metrics").path("_sampling_priority_v1").asDouble()).isEqualTo(1.0);
  }

  private static void assertRefundTrace(List<JsonNode> spans) {
    assertThat(spans).hasSize(2);
    JsonNode root = only(spans, "order.refund", "POST /refunds");
    JsonNode failed = only(spans, "order.charge_back", "charge back");
    assert128BitId(root);
    assertKeptByClient(root);
    assertThat(traceId(failed)).isEqualTo(traceId(root));
    assertThat(failed.path("parentId").asText()).isEqualTo(root.path("spanId").asText());
    // The caller caught the exception: only the method it left is an error.
    assertThat(root.path("error").asBoolean()).isFalse();
    assertThat(failed.path("error").asBoolean()).isTrue();
    assertThat(failed.path("meta").path("error.type").asText())
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(failed.path("meta").path("error.message").asText()).isEqualTo("card declined");
    assertThat(failed.path("meta").path("error.stack").asText()).contains("OrderApp.chargeBack");
  }

  /** 32 hex digits whose high half is the {@code _dd.p.tid} the client sent, not zero. */
  private static void assert128BitId(JsonNode root) {
    String id = traceId(root);
    assertThat(id).matches("[0-9a-f]{32}");
    assertThat(id.substring(0, 16))
        .isNotEqualTo("0".repeat(16))
        .isEqualTo(root.path("meta").path("_dd.p.tid").asText());
  }

  /** With no traffic yet the server's rate is 1: the client applied it and kept the trace. */
  private static void assertKeptByClient(JsonNode chunkRoot) {
    assertThat(chunkRoot.path("metrics").path("_sampling_priority_v1").asDouble()).isEqualTo(1.0);
    assertThat(chunkRoot.path("metrics").path("_dd.agent_psr").asDouble()).isEqualTo(1.0);
  }
}
