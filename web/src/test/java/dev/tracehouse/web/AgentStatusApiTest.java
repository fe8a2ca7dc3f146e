package dev.tracehouse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AgentStatusApiTest {

  @Test
  void agentStatus_servesTheSuppliersCurrentCounters() {
    AtomicLong spans = new AtomicLong(3);
    try (WebServer server =
        WebServer.start(
            new WebConfig("127.0.0.1", 0),
            new FakeSpanReader(),
            () -> Map.of("intake", Map.of("spans_received", spans.get())))) {
      ApiClient api = new ApiClient(server.port());
      assertThat(api.getText("/api/agent/status").body()).contains("\"spans_received\":3");
      spans.set(7);
      HttpResponse<String> again = api.getText("/api/agent/status");
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(again.body()).contains("\"spans_received\":7");
    }
  }

  @Test
  void agentStatus_withoutSupplierIsAnEmptyObject() {
    try (WebServer server = WebServer.start(new WebConfig("127.0.0.1", 0), new FakeSpanReader())) {
      assertThat(new ApiClient(server.port()).getText("/api/agent/status").body()).isEqualTo("{}");
    }
  }
}
