package dev.tracehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * Every stored trace of a service with a span starting in a time window, read through {@code GET
 * /api/traces}: a query answers at most 1,000 traces, so a full answer splits the window in two.
 */
final class StoredTraces {
  private static final int LIMIT = 1000;

  private StoredTraces() {}

  /** The trace summaries by trace id (32 hex digits). */
  static Map<String, JsonNode> of(ServerProcess server, String service, long fromNs, long toNs) {
    Map<String, JsonNode> out = new HashMap<>();
    collect(server, service, fromNs, toNs, out);
    return out;
  }

  private static void collect(
      ServerProcess server, String service, long fromNs, long toNs, Map<String, JsonNode> out) {
    Http.Reply reply =
        Http.get(
            server.web(
                "/api/traces?limit="
                    + LIMIT
                    + "&service="
                    + service
                    + "&from="
                    + fromNs
                    + "&to="
                    + toNs));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode traces = reply.json().path("traces");
    if (traces.size() == LIMIT && toNs - fromNs > 1) {
      long middle = fromNs + (toNs - fromNs) / 2;
      collect(server, service, fromNs, middle, out);
      collect(server, service, middle, toNs, out);
      return;
    }
    for (JsonNode summary : traces) {
      out.put(summary.path("traceId").asText(), summary);
    }
  }

  /** The stored spans of the traces. */
  static long spanCount(Map<String, JsonNode> traces) {
    return traces.values().stream().mapToLong(s -> s.path("spanCount").asLong()).sum();
  }
}
