package dev.tracehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * Every stored trace of a service with a span starting in a time window, read through {@code GET
 * /api/traces} page by page with its {@code next_cursor}.
 */
final class StoredTraces {
  private static final int LIMIT = 1000;
  private static final long NS_PER_MS = 1_000_000;

  private StoredTraces() {}

  /**
   * The trace summaries by trace id (32 hex digits); the window is widened to whole milliseconds,
   * the API's unit.
   */
  static Map<String, JsonNode> of(ServerProcess server, String service, long fromNs, long toNs) {
    Map<String, JsonNode> out = new HashMap<>();
    String page =
        "/api/traces?limit="
            + LIMIT
            + "&service="
            + service
            + "&from="
            + fromNs / NS_PER_MS
            + "&to="
            + (toNs / NS_PER_MS + 1);
    String cursor = null;
    do {
      Http.Reply reply = Http.get(server.web(cursor == null ? page : page + "&cursor=" + cursor));
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      for (JsonNode summary : reply.json().path("traces")) {
        out.put(summary.path("traceId").asText(), summary);
      }
      JsonNode next = reply.json().path("next_cursor");
      cursor = next.isTextual() ? next.asText() : null;
    } while (cursor != null);
    return out;
  }

  /** The stored spans of the traces. */
  static long spanCount(Map<String, JsonNode> traces) {
    return traces.values().stream().mapToLong(s -> s.path("spanCount").asLong()).sum();
  }
}
