package dev.tracehouse.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehouse.model.ClientStatsPayload;
import dev.tracehouse.pipeline.TracePayload;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /v0.6/stats with a stats sink, the client flags a payload carries, and the sink's rates. */
class DatadogStatsAndRatesIT {
  private final List<ClientStatsPayload> stats = new CopyOnWriteArrayList<>();
  private final CollectingSink spans = new CollectingSink();
  private IntakeServer server;

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void v06Stats_isServedAndAdvertisedOnlyWithAStatsSink() {
    server = IntakeServer.start(new IntakeConfig("127.0.0.1", 0, 1 << 20), spans);
    IntakeClient client = new IntakeClient(server.datadogPort());
    assertThat(IntakeClient.json(client.send("GET", "/info", null)).get("endpoints").toString())
        .doesNotContain("/v0.6/stats");
    assertThat(client.send("POST", "/v0.6/stats", new byte[] {(byte) 0x80}).statusCode())
        .isEqualTo(404);
    server.close();

    server = IntakeServer.start(new IntakeConfig("127.0.0.1", 0, 1 << 20), spans, stats::add);
    client = new IntakeClient(server.datadogPort());
    assertThat(IntakeClient.json(client.send("GET", "/info", null)).get("endpoints").toString())
        .contains("/v0.6/stats");
    for (Path fixture : Fixtures.matching("v06-stats\\.msgpack")) {
      HttpResponse<String> reply =
          client.send(
              "PUT", "/v0.6/stats", Fixtures.read(fixture), "Content-Type", "application/msgpack");
      assertThat(reply.statusCode()).isEqualTo(200);
    }
    assertThat(stats).hasSize(2);
    assertThat(stats).allSatisfy(s -> assertThat(s.buckets()).isNotEmpty());
    assertThat(server.stats().statsPayloadsReceived()).isEqualTo(2);

    HttpResponse<String> bad = client.send("POST", "/v0.6/stats", "nope".getBytes());
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(IntakeClient.json(bad).path("error").asText()).isNotBlank();
  }

  @Test
  void traces_carryClientFlagsAndChunksAndAnswerTheSinksRates() {
    SpanSink sampling =
        new SpanSink() {
          @Override
          public boolean accept(TracePayload payload) {
            return spans.accept(payload);
          }

          @Override
          public Map<String, Double> rateByService() {
            return Map.of("service:cafe,env:workshop", 0.25, "service:,env:", 0.5);
          }
        };
    server = IntakeServer.start(new IntakeConfig("127.0.0.1", 0, 1 << 20), sampling);
    IntakeClient client = new IntakeClient(server.datadogPort());
    Path javaPayload =
        Fixtures.matching("v04-traces\\.msgpack").stream()
            .filter(p -> p.toString().contains("dd-java-agent"))
            .findFirst()
            .orElseThrow();

    HttpResponse<String> reply =
        client.putTraces(
            Fixtures.read(javaPayload),
            "Content-Type",
            "application/msgpack",
            "Datadog-Meta-Lang",
            "java",
            "Datadog-Client-Computed-Top-Level",
            "true",
            "Datadog-Client-Computed-Stats",
            "yes",
            "Datadog-Client-Dropped-P0-Traces",
            "3");

    JsonNode rates = IntakeClient.json(reply).get("rate_by_service");
    assertThat(rates.get("service:cafe,env:workshop").asDouble()).isEqualTo(0.25);
    assertThat(rates.get("service:,env:").asDouble()).isEqualTo(0.5);
    TracePayload payload = spans.payloads.get(0);
    assertThat(payload.source()).isEqualTo(TracePayload.Source.DATADOG);
    assertThat(payload.chunks()).hasSize(2);
    assertThat(payload.lang()).isEqualTo("java");
    assertThat(payload.clientComputedTopLevel()).isTrue();
    assertThat(payload.clientComputedStats()).isTrue();
    assertThat(payload.clientDroppedP0Traces()).isEqualTo(3);
  }
}
