package dev.tracehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5, acceptance 2: the demo services carry no tracing code beyond the workshop's manual span,
 * yet under the agent a pairing produces server, client, SQL (obfuscated) and Redis spans, and the
 * cafe's log lines written inside a request carry the ids of a span of that trace.
 */
@ExtendWith(DemoStackExtension.class)
class DemoInstrumentationIT {
  private static final Pattern LOG_IDS =
      Pattern.compile("dd\\.trace_id=([0-9a-fA-F]+)\\s+dd\\.span_id=(\\d+)");

  /** The workshop pipeline's match rule (log-pipelines.md section 4) with ids present. */
  private static final Pattern WORKSHOP_LINE =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3} \\w+ \\[\\w+\\] \\[\\w+.\\w+:\\d+]"
              + " \\[dd.trace_id=\\d+ dd.span_id=\\d+\\] - .*");

  @Test
  void pairing_producesServerClientSqlAndRedisSpans(DemoStack demo) {
    assertThat(Http.get(demo.cafe("/pair/beer?name=ipa")).status()).isEqualTo(200);

    List<JsonNode> spans =
        DemoTraces.awaitTrace(
            demo, "GET /pair/beer", s -> has(s, "sql") && has(s, "redis") && hasTaster(s));

    assertThat(spans)
        .anySatisfy(s -> assertThat(s.path("meta").path("span.kind").asText()).isEqualTo("server"))
        .anySatisfy(s -> assertThat(s.path("meta").path("span.kind").asText()).isEqualTo("client"));
    List<JsonNode> sql = ofType(spans, "sql");
    assertThat(sql)
        .allSatisfy(
            s -> {
              String resource = s.path("resource").asText();
              assertThat(resource).containsIgnoringCase("select");
              // The beer's name is bound as a parameter or replaced by the obfuscator: no literal.
              assertThat(resource).doesNotContain("'ipa'");
              assertThat(s.path("meta").path("db.type").asText()).isNotBlank();
            });
    List<JsonNode> redis = ofType(spans, "redis");
    assertThat(redis)
        .allSatisfy(
            s -> {
              String command = s.path("resource").asText();
              assertThat(command).isEqualTo(command.toUpperCase(Locale.ROOT)).isNotBlank();
            });
  }

  @Test
  void cafeLogLines_carryTheIdsOfASpanOfTheirTrace(DemoStack demo) throws IOException {
    // Pairing a stout fails in the taster: the cafe logs a warning inside the request.
    Http.get(demo.cafe("/pair/beer?name=stout"));
    Path cafeLog = demo.dataDir.resolve("logs").resolve("cafe.log");

    List<String[]> ids =
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(300))
            .until(() -> idsIn(cafeLog), found -> !found.isEmpty());
    String[] last = ids.get(ids.size() - 1);
    // The cafe's chunk may be stored after the taster's: wait for the logged span itself.
    await("span " + last[1] + " of trace " + last[0] + ", named by the cafe's log")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> traceOf(demo, last[0]), found -> hasSpan(found, last[1]));

    // Both services write the workshop's line shape, with the ids inside requests.
    for (String service : List.of("cafe", "taster")) {
      Path log = demo.dataDir.resolve("logs").resolve(service + ".log");
      assertThat(Files.readAllLines(log))
          .as(service + ".log")
          .anySatisfy(line -> assertThat(line).matches(WORKSHOP_LINE));
    }
  }

  private static List<String[]> idsIn(Path log) throws IOException {
    List<String[]> ids = new ArrayList<>();
    if (!Files.exists(log)) {
      return ids;
    }
    for (String line : Files.readAllLines(log)) {
      Matcher m = LOG_IDS.matcher(line);
      if (m.find() && !m.group(2).equals("0")) {
        ids.add(new String[] {m.group(1), m.group(2)});
      }
    }
    return ids;
  }

  /** The stored spans of the trace a log line names (32 hex digits, or the low 64 bits). */
  private static List<JsonNode> traceOf(DemoStack demo, String logTraceId) {
    String hex =
        logTraceId.length() == 32
            ? logTraceId.toLowerCase(Locale.ROOT)
            : String.format("%032x", new BigInteger(logTraceId));
    List<JsonNode> direct = DemoTraces.spans(demo, hex);
    if (!direct.isEmpty() || logTraceId.length() == 32) {
      return direct.isEmpty() ? null : direct;
    }
    // A decimal id is only the low 64 bits: look for a recent cafe trace ending with them.
    String low = hex.substring(16);
    JsonNode list = Http.get(demo.web("/api/traces?service=cafe&limit=200")).json().path("traces");
    for (JsonNode summary : list) {
      String id = summary.path("traceId").asText();
      if (id.endsWith(low)) {
        return DemoTraces.spans(demo, id);
      }
    }
    return null;
  }

  private static boolean hasSpan(List<JsonNode> spans, String spanId) {
    return spans != null && spans.stream().anyMatch(s -> s.path("spanId").asText().equals(spanId));
  }

  private static boolean has(List<JsonNode> spans, String type) {
    return !ofType(spans, type).isEmpty();
  }

  private static boolean hasTaster(List<JsonNode> spans) {
    return spans.stream().anyMatch(s -> s.path("service").asText().equals("taster"));
  }

  private static List<JsonNode> ofType(List<JsonNode> spans, String type) {
    return spans.stream().filter(s -> s.path("type").asText().equals(type)).toList();
  }
}
