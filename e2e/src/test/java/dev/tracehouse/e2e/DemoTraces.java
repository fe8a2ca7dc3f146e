package dev.tracehouse.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.awaitility.core.ConditionTimeoutException;

/** Finds the demo's stored traces through the web API. */
final class DemoTraces {
  private DemoTraces() {}

  /**
   * Waits (up to 30 s) for a cafe trace whose root has {@code rootResource} and whose spans satisfy
   * {@code complete} (every chunk stored), and returns its spans.
   */
  static List<JsonNode> awaitTrace(
      DemoStack demo, String rootResource, Predicate<List<JsonNode>> complete) {
    try {
      return await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(300))
          .until(() -> find(demo, rootResource, complete), spans -> spans != null);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "no complete '" + rootResource + "' trace within 30 s\n" + seen(demo, rootResource), e);
    }
  }

  /** What the store and the agent hold, and the demo's logs: why no trace was complete. */
  private static String seen(DemoStack demo, String rootResource) {
    StringBuilder out = new StringBuilder("cafe traces (newest first):\n");
    JsonNode list = Http.get(demo.web("/api/traces?service=cafe&limit=50")).json().path("traces");
    for (JsonNode summary : list) {
      String id = summary.path("traceId").asText();
      out.append("  ").append(id).append(' ').append(summary.path("rootResource").asText());
      if (summary.path("rootResource").asText().equals(rootResource)) {
        for (JsonNode s : spans(demo, id)) {
          out.append("\n    ")
              .append(s.path("service").asText())
              .append(' ')
              .append(s.path("name").asText())
              .append(" type=")
              .append(s.path("type").asText())
              .append(" error=")
              .append(s.path("error").asBoolean());
        }
      }
      out.append('\n');
    }
    out.append("agent status: ")
        .append(Http.get(demo.web("/api/agent/status")).body())
        .append('\n');
    return out.append(demo.logs()).toString();
  }

  private static List<JsonNode> find(
      DemoStack demo, String rootResource, Predicate<List<JsonNode>> complete) {
    JsonNode list = Http.get(demo.web("/api/traces?service=cafe&limit=50")).json().path("traces");
    for (JsonNode summary : list) {
      if (!summary.path("rootResource").asText().equals(rootResource)) {
        continue;
      }
      List<JsonNode> spans = spans(demo, summary.path("traceId").asText());
      if (complete.test(spans)) {
        return spans;
      }
    }
    return null;
  }

  /**
   * Waits until the cafe chunk and every taster chunk of the newest successful pairing trace are
   * stored (other tests and the demo's traffic also pair a stout, whose tastings fail).
   */
  static List<JsonNode> awaitSuccessfulPairing(DemoStack demo) {
    return awaitTrace(demo, "GET /pair/beer", DemoTraces::completeWithoutErrors);
  }

  private static boolean completeWithoutErrors(List<JsonNode> spans) {
    if (spans.stream().anyMatch(s -> s.path("error").asBoolean())) {
      return false;
    }
    long tasters = spans.stream().filter(s -> s.path("service").asText().equals("taster")).count();
    long clients =
        spans.stream().filter(s -> s.path("name").asText().equals("http.request")).count();
    return clients > 0 && tasters >= clients;
  }

  static List<JsonNode> spans(DemoStack demo, String traceId) {
    JsonNode trace = Http.get(demo.web("/api/traces/" + traceId)).json();
    return StreamSupport.stream(trace.path("spans").spliterator(), false).toList();
  }
}
