package dev.tracehouse.intake.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatadogAgentInfoTest {

  @Test
  void of_advertisesOnlyTheGivenEndpointsAndNoClientDropping() throws Exception {
    DatadogAgentInfo info = DatadogAgentInfo.of(List.of("/v0.4/traces"), 1234);

    JsonNode json = new ObjectMapper().readTree(info.body());

    assertThat(json.get("version").asText()).isEqualTo("7.65.0");
    assertThat(json.get("endpoints").toString()).isEqualTo("[\"/v0.4/traces\"]");
    assertThat(json.get("client_drop_p0s").asBoolean()).isFalse();
    assertThat(json.get("config").get("max_request_bytes").asLong()).isEqualTo(1234);
  }

  @Test
  void state_isSha256HexOfTheBodyAndStable() throws Exception {
    DatadogAgentInfo info = DatadogAgentInfo.of(List.of("/v0.4/traces"), 1234);
    String sha256 =
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(info.body()));

    assertThat(info.state()).isEqualTo(sha256).hasSize(64);
    assertThat(DatadogAgentInfo.of(List.of("/v0.4/traces"), 1234).state()).isEqualTo(sha256);
    assertThat(DatadogAgentInfo.of(List.of("/v0.4/traces"), 99).state()).isNotEqualTo(sha256);
  }
}
