package dev.tracehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Acceptance: dd-java-agent receives the priority sampler's rates from our {@code /v0.4/traces}
 * answers and applies them. The server aims at 1 kept trace per second ({@code DD_APM_MAX_TPS=1})
 * while the app makes 300 traces in 15 s: the rate for {@code service:orders,env:e2e} falls below
 * 1, the client marks most later traces priority 0, and the server drops those.
 */
class DatadogSamplingIT {
  private static final int SENT = 300;

  /** order.place, order.reserve, the HTTP client span and Jetty's server span. */
  private static final int SPANS_PER_TRACE = 4;

  private static final String ORDERS_KEY = "service:orders,env:e2e";

  /** A v0.4 payload with no traces: a msgpack empty array. */
  private static final byte[] EMPTY = {(byte) 0x90};

  @Test
  void busyService_getsRateBelowOneAndClientApplies() throws IOException {
    try (ServerProcess server = ServerProcess.start(Map.of("DD_APM_MAX_TPS", "1"))) {
      TracedApp.runWithDatadog(server, "dd-sampling", List.of(), "loop", "" + SENT, "15000");

      // What every /v0.4/traces answer carries (an empty payload only reads it): the rate fell.
      Http.Reply reply = Http.put(server.intake("/v0.4/traces"), "application/msgpack", EMPTY);
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      double rate = reply.json().path("rate_by_service").path(ORDERS_KEY).asDouble(-1);
      assertThat(rate).as(reply.body()).isGreaterThan(0).isLessThan(1);

      List<JsonNode> roots = awaitStoredRoots(server);
      assertThat(roots).hasSizeLessThan(SENT);
      // Every stored trace was kept by the client (priority 1); the priority-0 ones are gone.
      assertThat(roots)
          .allSatisfy(
              r ->
                  assertThat(r.path("metrics").path("_sampling_priority_v1").asDouble())
                      .isEqualTo(1.0));
      // dd-java-agent records on each root the rate it applied: some of them got ours below 1.
      assertThat(roots)
          .anySatisfy(
              r -> assertThat(r.path("metrics").path("_dd.agent_psr").asDouble()).isLessThan(1));
      assertThat(roots)
          .allSatisfy(
              r ->
                  assertThat(r.path("metrics").path("_dd.agent_psr").asDouble())
                      .isGreaterThan(0)
                      .isLessThanOrEqualTo(1));
    }
  }

  /**
   * Waits until the store holds every span the pipeline kept (accepted minus dropped, from {@code
   * /api/agent/status}) and returns the roots of the stored traces.
   */
  private static List<JsonNode> awaitStoredRoots(ServerProcess server) {
    // The client sends its priority-0 chunks too (our /info says client_drop_p0s: false).
    JsonNode pipeline =
        await()
            .atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(250))
            .until(
                () -> Http.get(server.web("/api/agent/status")).json().path("pipeline"),
                p -> p.path("spans_accepted").asLong() == SENT * SPANS_PER_TRACE);
    long kept =
        pipeline.path("spans_accepted").asLong() - pipeline.path("sampling.dropped_spans").asLong();
    assertThat(pipeline.path("sampling.dropped_chunks").asLong()).isPositive();
    List<JsonNode> summaries =
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(250))
            .until(
                () -> TraceApi.summaries(server, "orders"),
                list -> list.stream().mapToLong(s -> s.path("spanCount").asLong()).sum() == kept);
    return summaries.stream()
        .map(
            s ->
                TraceApi.spans(server, TraceApi.traceId(s)).stream()
                    .filter(span -> span.path("parentId").asText().equals("0"))
                    .findFirst()
                    .orElseThrow())
        .toList();
  }
}
