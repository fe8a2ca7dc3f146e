package dev.tracehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Acceptance: one pairing request becomes ONE trace across cafe and taster, with correct links. */
@ExtendWith(DemoStackExtension.class)
class PairingTraceIT {

  @Test
  void pairing_becomesOneTraceAcrossCafeAndTaster(DemoStack demo) {
    Http.Reply pairing = Http.get(demo.cafe("/pair/beer?name=ipa"));
    assertThat(pairing.status()).as(pairing.body()).isEqualTo(200);
    assertThat(pairing.json().path("match").asText()).isNotBlank();

    List<JsonNode> spans = DemoTraces.awaitSuccessfulPairing(demo);
    Map<String, JsonNode> byId = new HashMap<>();
    spans.forEach(s -> byId.put(s.path("spanId").asText(), s));

    List<JsonNode> roots =
        spans.stream().filter(s -> s.path("parentId").asText().equals("0")).toList();
    assertThat(roots).hasSize(1);
    JsonNode root = roots.get(0);
    assertThat(root.path("service").asText()).isEqualTo("cafe");
    assertThat(root.path("name").asText()).isEqualTo("web.request");
    assertThat(root.path("resource").asText()).isEqualTo("GET /pair/beer");

    String traceId = root.path("traceId").asText();
    assertThat(spans).allSatisfy(s -> assertThat(s.path("traceId").asText()).isEqualTo(traceId));
    assertThat(spans).allSatisfy(s -> assertThat(s.path("duration").asLong()).isPositive());
    assertThat(spans)
        .filteredOn(s -> !s.path("parentId").asText().equals("0"))
        .allSatisfy(s -> assertThat(byId).containsKey(s.path("parentId").asText()));

    List<JsonNode> tasterServer =
        spans.stream()
            .filter(s -> s.path("service").asText().equals("taster"))
            .filter(s -> s.path("name").asText().equals("web.request"))
            .toList();
    assertThat(tasterServer).hasSizeGreaterThanOrEqualTo(4);
    for (JsonNode taster : tasterServer) {
      assertThat(taster.path("resource").asText()).isEqualTo("GET /taste");
      JsonNode client = byId.get(taster.path("parentId").asText());
      assertThat(client.path("service").asText()).isEqualTo("cafe");
      assertThat(client.path("name").asText()).isEqualTo("http.request");
      assertThat(client.path("meta").path("span.kind").asText()).isEqualTo("client");
      // Same host, same clock: the server's work lies inside the client call that caused it.
      assertThat(taster.path("duration").asLong())
          .isLessThanOrEqualTo(client.path("duration").asLong());
      assertThat(taster.path("start").asLong())
          .isGreaterThanOrEqualTo(client.path("start").asLong());
      assertThat(end(taster)).isLessThanOrEqualTo(end(client));

      JsonNode bestMatch = byId.get(client.path("parentId").asText());
      assertThat(bestMatch.path("name").asText()).isEqualTo("best_match");
      assertThat(bestMatch.path("parentId").asText()).isEqualTo(root.path("spanId").asText());
    }
    assertThat(end(root))
        .isGreaterThanOrEqualTo(
            tasterServer.stream().mapToLong(PairingTraceIT::end).max().orElseThrow());
  }

  private static long end(JsonNode span) {
    return span.path("start").asLong() + span.path("duration").asLong();
  }
}
