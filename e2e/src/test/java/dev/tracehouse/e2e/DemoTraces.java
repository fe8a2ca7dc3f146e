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

  static List<JsonNode> spans(DemoStack demo, String traceId) {
    JsonNode trace = Http.get(demo.web("/api/traces/" + traceId)).json();
    return StreamSupport.stream(trace.path("spans").spliterator(), false).toList();
  }
}
