package dev.tracehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Reads stored traces back through a server's web JSON API ({@code /api/traces...}). */
final class TraceApi {
  private TraceApi() {}

  /** The trace summaries of a service, newest first (at most 1000). */
  static List<JsonNode> summaries(ServerProcess server, String service) {
    Http.Reply reply = Http.get(server.web("/api/traces?limit=1000&service=" + service));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return StreamSupport.stream(reply.json().path("traces").spliterator(), false).toList();
  }

  /**
   * Waits until the service has exactly {@code traces} traces with {@code spans} spans in all, so
   * that every chunk of every trace is committed, and returns them keyed by root span name.
   */
  static Map<String, List<JsonNode>> awaitTraces(
      ServerProcess server, String service, int traces, int spans) {
    List<JsonNode> summaries =
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(250))
            .until(
                () -> summaries(server, service),
                list ->
                    list.size() == traces
                        && list.stream().mapToInt(s -> s.path("spanCount").asInt()).sum() == spans);
    return summaries.stream()
        .collect(
            Collectors.toMap(s -> s.path("rootResource").asText(), s -> spans(server, traceId(s))));
  }

  /** Every span of a trace. */
  static List<JsonNode> spans(ServerProcess server, String traceId) {
    Http.Reply reply = Http.get(server.web("/api/traces/" + traceId));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return StreamSupport.stream(reply.json().path("spans").spliterator(), false).toList();
  }

  static String traceId(JsonNode summaryOrSpan) {
    return summaryOrSpan.path("traceId").asText();
  }

  /** The one span with this name (OTel: span kind) and resource. */
  static JsonNode only(List<JsonNode> spans, String name, String resource) {
    List<JsonNode> found =
        spans.stream()
            .filter(s -> s.path("name").asText().equals(name))
            .filter(s -> s.path("resource").asText().equals(resource))
            .toList();
    assertThat(found).as("spans %s %s in %s", name, resource, spans).hasSize(1);
    return found.get(0);
  }

  /** The one span whose {@code span.kind} tag is {@code kind}. */
  static JsonNode ofKind(List<JsonNode> spans, String kind) {
    List<JsonNode> found =
        spans.stream().filter(s -> s.path("meta").path("span.kind").asText().equals(kind)).toList();
    assertThat(found).as("%s spans in %s", kind, spans).hasSize(1);
    return found.get(0);
  }
}
