package dev.tracehouse.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/** Finds the demo's stored traces through the web API. */
final class DemoTraces {
  private DemoTraces() {}

  /**
   * Waits (up to 30 s) for a cafe trace whose root has {@code rootResource} and whose spans satisfy
   * {@code complete} (every chunk stored), and returns its spans.
   */
  static List<JsonNode> awaitTrace(
      DemoStack demo, String rootResource, Predicate<List<JsonNode>> complete) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> find(demo, rootResource, complete), spans -> spans != null);
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
