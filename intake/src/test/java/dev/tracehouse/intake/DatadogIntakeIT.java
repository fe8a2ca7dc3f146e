package dev.tracehouse.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehouse.intake.datadog.DatadogV04Decoder;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Datadog port with well-formed traffic: captured payloads, probes, /info, chunked bodies. */
class DatadogIntakeIT {
  private static final byte[] EMPTY_PROBE = {(byte) 0x92, (byte) 0x90, (byte) 0x90};
  private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection");

  private final CollectingSink sink = new CollectingSink();
  private IntakeServer server;
  private IntakeClient client;

  @BeforeEach
  void start() {
    server = IntakeServer.start(new IntakeConfig("127.0.0.1", 0, 1 << 20), sink);
    client = new IntakeClient(server.datadogPort());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static List<Path> payloads() {
    return Fixtures.v04Payloads();
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void replay_capturedPayloadWithItsHeaders_returnsRatesAndHandsOverEverySpan(Path payload)
      throws Exception {
    byte[] body = Fixtures.read(payload);
    JsonNode recorded =
        new ObjectMapper().readTree(Fixtures.sibling(payload, ".headers.json").toFile());
    List<String> headers = new ArrayList<>();
    for (JsonNode pair : recorded.get("headers")) {
      if (!RESTRICTED.contains(pair.get(0).asText().toLowerCase())) {
        headers.add(pair.get(0).asText());
        headers.add(pair.get(1).asText());
      }
    }

    HttpResponse<String> response =
        client.send(
            recorded.get("method").asText(), "/v0.4/traces", body, headers.toArray(new String[0]));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    assertThat(IntakeClient.json(response).get("rate_by_service").get("service:,env:").asDouble())
        .isEqualTo(1.0);
    int expected = new DatadogV04Decoder().decode(ByteBuffer.wrap(body)).size();
    assertThat(sink.spans).hasSize(expected);
    assertThat(server.stats()).isEqualTo(new IntakeStats(1, expected, 0, 0, 0, 0, 0, 0, 0, 0, 0));
  }

  @Test
  void put_emptyProbeAndEmptyArray_returns200WithoutCallingSink() {
    assertThat(client.putTraces(EMPTY_PROBE, "Content-Type", "application/msgpack").statusCode())
        .isEqualTo(200);
    assertThat(client.putTraces(new byte[] {(byte) 0x90}).statusCode()).isEqualTo(200);

    assertThat(sink.calls).hasValue(0);
    assertThat(server.stats().payloadsReceived()).isEqualTo(2);
  }

  @Test
  void post_capturedPayloadWithoutContentType_isAccepted() {
    HttpResponse<String> response =
        client.send("POST", "/v0.4/traces", Fixtures.read(payloads().get(0)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(sink.spans).isNotEmpty();
  }

  @Test
  void put_chunkedBody_isDecoded() throws Exception {
    byte[] body = Fixtures.read(payloads().get(0));

    RawHttp.Response response = RawHttp.putChunked(server.datadogPort(), "/v0.4/traces", body, 333);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.text())
        .contains("rate_by_service")
        .containsIgnoringCase("Datadog-Agent-State");
    assertThat(sink.spans).hasSize(new DatadogV04Decoder().decode(ByteBuffer.wrap(body)).size());
  }

  @Test
  void getInfo_stateHeaderIsItsSha256() throws Exception {
    HttpResponse<String> response = client.send("GET", "/info", null);

    JsonNode info = IntakeClient.json(response);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(info.get("version").asText()).isEqualTo("7.65.0");
    assertThat(info.get("client_drop_p0s").asBoolean()).isFalse();
    String sha256 =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256").digest(response.body().getBytes("UTF-8")));
    assertThat(response.headers().firstValue("Datadog-Agent-State")).hasValue(sha256);
    assertThat(response.headers().firstValue("Datadog-Agent-Version")).hasValue("7.65.0");
  }
}
