package dev.tracehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehouse.e2e.TracedServer.Tracer;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 5 acceptance 1: a service under our agent and one under the unmodified dd-java-agent call
 * each other, with {@code DD_TRACE_PROPAGATION_STYLE} {@code datadog} and {@code tracecontext};
 * both tracers send to one tracehouse server. Each call (test → caller's {@code /call} → callee's
 * {@code /echo}) must be stored as ONE trace: caller server span (root) → caller client span →
 * callee server span, with a 128-bit id whose high half is the {@code _dd.p.tid} of both chunks.
 * The headers each tracer injected (echoed by the callee) must have the names and value formats
 * that dd-java-agent sent in {@code fixtures/propagation/dd-java-agent.json}: checked the same way
 * for dd-java-agent's own headers, so the check itself is validated in the same run. The {@code
 * datadog} run sends over {@code /v0.4/traces}; in the {@code tracecontext} run both tracers have
 * v0.5 enabled and send over {@code /v0.5/traces} (each one's log names the endpoint it chose).
 */
class InteropIT {
  private static final Duration STORED_WITHIN = Duration.ofSeconds(30);
  private static ServerProcess server;

  @BeforeAll
  static void startServer() throws IOException {
    server = ServerProcess.start(Map.of());
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @ParameterizedTest(name = "{0} over {1}")
  @CsvSource({"datadog, v0.4", "tracecontext, v0.5"})
  void bothDirections_joinOneTraceWithDdJavaAgentsHeaders(String style, String protocol)
      throws IOException {
    boolean v05 = protocol.equals("v0.5");
    try (TracedServer ours =
            TracedServer.start(server, Tracer.TRACEHOUSE, "th-" + style, style, v05);
        TracedServer theirs =
            TracedServer.start(server, Tracer.DATADOG, "dd-" + style, style, v05)) {
      ours.awaitReady();
      theirs.awaitReady();

      // dd-java-agent calls first: our tracer has the server's sampling answer when it calls.
      Map<String, String> ddSent = assertOneTrace(theirs, ours, style);
      Map<String, String> weSent = assertOneTrace(ours, theirs, style);

      assertThat(weSent.keySet()).isEqualTo(ddSent.keySet());
      assertThat(theirs.output()).contains("discovered traceEndpoint=" + protocol + "/traces");
      String ourEndpoint = "sending traces to " + server.intake("/v0.5/traces");
      if (v05) {
        assertThat(ours.output()).contains(ourEndpoint);
      } else {
        assertThat(ours.output()).doesNotContain(ourEndpoint);
      }
    }
  }

  /**
   * Makes {@code caller} call {@code callee}, checks the stored trace and the headers, and returns
   * the propagation headers the callee received.
   */
  private static Map<String, String> assertOneTrace(
      TracedServer caller, TracedServer callee, String style) throws IOException {
    String to = URLEncoder.encode(callee.url("/echo"), StandardCharsets.UTF_8);
    Http.Reply reply = Http.get(caller.url("/call?to=" + to));
    assertThat(reply.status()).as("%s\n%s", reply.body(), server.logs()).isEqualTo(200);
    Map<String, String> received = propagationHeaders(reply.body());
    String traceId = traceId(received, style);
    String hop = caller.service + " -> " + callee.service + " " + received;

    List<JsonNode> spans = awaitSpans(traceId, 3, hop);
    JsonNode callerServer = span(spans, caller.service, "server");
    JsonNode callerClient = span(spans, caller.service, "client");
    JsonNode calleeServer = span(spans, callee.service, "server");
    assertThat(spans)
        .as(hop)
        .allSatisfy(s -> assertThat(s.path("traceId").asText()).isEqualTo(traceId));
    assertThat(callerServer.path("parentId").asText()).as(hop).isEqualTo("0");
    assertThat(callerClient.path("parentId").asText())
        .as(hop)
        .isEqualTo(callerServer.path("spanId").asText());
    assertThat(calleeServer.path("parentId").asText())
        .as(hop)
        .isEqualTo(callerClient.path("spanId").asText());
    for (JsonNode chunkRoot : List.of(callerServer, calleeServer)) {
      assertThat(chunkRoot.path("meta").path("_dd.p.tid").asText())
          .as(hop)
          .isEqualTo(traceId.substring(0, 16));
    }

    long clientSpanId = Long.parseUnsignedLong(callerClient.path("spanId").asText());
    assertLikeDdJavaAgent(received, style, traceId, clientSpanId, hop);
    return received;
  }

  /**
   * The names dd-java-agent sent for this style, and the same values for the same context: ids of
   * this trace and client span, priority, decision maker and Knuth rate as in the fixture (a kept
   * trace, agent-rate sampled), the same {@code x-datadog-tags} keys and {@code dd=} sub-keys in
   * the same order, the {@code dd=} member first.
   */
  private static void assertLikeDdJavaAgent(
      Map<String, String> received, String style, String traceId, long clientSpanId, String hop)
      throws IOException {
    Map<String, String> fixture = fixtureHeaders(style);
    assertThat(received.keySet()).as(hop).isEqualTo(fixture.keySet());
    String high = traceId.substring(0, 16);
    String spanHex = String.format("%016x", clientSpanId);
    if (style.equals("datadog")) {
      assertThat(received.get("x-datadog-trace-id"))
          .as(hop)
          .isEqualTo(Long.toUnsignedString(Long.parseUnsignedLong(traceId.substring(16), 16)));
      assertThat(received.get("x-datadog-parent-id"))
          .as(hop)
          .isEqualTo(Long.toUnsignedString(clientSpanId));
      assertThat(received.get("x-datadog-sampling-priority"))
          .as(hop)
          .isEqualTo(fixture.get("x-datadog-sampling-priority"));
      Map<String, String> tags = pairs(received.get("x-datadog-tags"), ",", "=");
      Map<String, String> expected = pairs(fixture.get("x-datadog-tags"), ",", "=");
      expected.put("_dd.p.tid", high);
      assertThat(tags).as(hop).containsExactlyEntriesOf(expected);
    } else {
      String fixtureParent = fixture.get("traceparent");
      assertThat(received.get("traceparent"))
          .as(hop)
          .isEqualTo("00-" + traceId + "-" + spanHex + fixtureParent.substring(52));
      String state = received.get("tracestate");
      assertThat(state).as(hop).startsWith("dd=");
      Map<String, String> dd = pairs(state.split(",")[0].substring(3), ";", ":");
      Map<String, String> expected =
          pairs(fixture.get("tracestate").split(",")[0].substring(3), ";", ":");
      expected.put("p", spanHex);
      expected.put("t.tid", high);
      assertThat(dd).as(hop).containsExactlyEntriesOf(expected);
    }
  }

  /** The 32-hex-digit trace id the headers carry. */
  private static String traceId(Map<String, String> headers, String style) {
    if (style.equals("datadog")) {
      String high = pairs(headers.get("x-datadog-tags"), ",", "=").get("_dd.p.tid");
      long low = Long.parseUnsignedLong(headers.get("x-datadog-trace-id"));
      return high + String.format("%016x", low);
    }
    return headers.get("traceparent").substring(3, 35);
  }

  /** Waits until the server has all {@code count} spans of the trace. */
  private static List<JsonNode> awaitSpans(String traceId, int count, String hop) {
    return await()
        .atMost(STORED_WITHIN)
        .pollInterval(Duration.ofMillis(250))
        .alias(hop + ": " + count + " spans of trace " + traceId)
        .until(() -> storedSpans(traceId), spans -> spans.size() == count);
  }

  private static List<JsonNode> storedSpans(String traceId) {
    Http.Reply reply = Http.get(server.web("/api/traces/" + traceId));
    if (reply.status() != 200) {
      return List.of();
    }
    return StreamSupport.stream(reply.json().path("spans").spliterator(), false).toList();
  }

  /** The one span of {@code service} whose {@code span.kind} is {@code kind}. */
  private static JsonNode span(List<JsonNode> spans, String service, String kind) {
    List<JsonNode> found =
        spans.stream()
            .filter(s -> s.path("service").asText().equals(service))
            .filter(s -> s.path("meta").path("span.kind").asText().equals(kind))
            .toList();
    assertThat(found).as("%s %s spans in %s", service, kind, spans).hasSize(1);
    return found.get(0);
  }

  /** The propagation headers in an {@code /echo} answer ({@code name: value} lines). */
  private static Map<String, String> propagationHeaders(String echo) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line : echo.split("\n")) {
      int colon = line.indexOf(": ");
      if (colon > 0 && isPropagation(line.substring(0, colon))) {
        headers.put(line.substring(0, colon), line.substring(colon + 2));
      }
    }
    return headers;
  }

  /** The propagation headers of the fixture's first request that belong to {@code style}. */
  private static Map<String, String> fixtureHeaders(String style) throws IOException {
    Path file =
        Path.of(
            System.getProperty("shared.dir", "../../shared"),
            "fixtures/propagation/dd-java-agent.json");
    JsonNode request = Http.JSON.readTree(file.toFile()).path("requests").get(0);
    Map<String, String> headers = new LinkedHashMap<>();
    for (JsonNode pair : request.path("headers")) {
      String name = pair.get(0).asText().toLowerCase(java.util.Locale.ROOT);
      boolean datadog = name.startsWith("x-datadog-");
      if (isPropagation(name) && datadog == style.equals("datadog")) {
        headers.put(name, pair.get(1).asText());
      }
    }
    return headers;
  }

  private static boolean isPropagation(String name) {
    return name.startsWith("x-datadog-")
        || name.startsWith("x-b3-")
        || List.of("traceparent", "tracestate", "b3", "baggage").contains(name);
  }

  /** {@code k1=v1,k2=v2} (with the given separators) as an ordered map. */
  private static Map<String, String> pairs(String text, String separator, String assign) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String pair : Objects.requireNonNull(text, "header missing").split(separator)) {
      int at = pair.indexOf(assign);
      pairs.put(pair.substring(0, at), pair.substring(at + 1));
    }
    return pairs;
  }
}
