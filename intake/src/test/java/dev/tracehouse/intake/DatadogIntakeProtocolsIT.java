package dev.tracehouse.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehouse.intake.datadog.DatadogV04Decoder;
import dev.tracehouse.intake.datadog.DatadogV05Decoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** v0.3, v0.5, JSON and gzip bodies, and the endpoints whose bodies are read and dropped. */
class DatadogIntakeProtocolsIT {
  private static final Set<String> RESTRICTED =
      Set.of("content-length", "host", "connection", "transfer-encoding", "expect");

  /** {@code [[],[]]}: empty traces for v0.3/v0.4, an empty table and no traces for v0.5. */
  private static final byte[] EMPTY_PROBE = {(byte) 0x92, (byte) 0x90, (byte) 0x90};

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

  static List<Path> v05Payloads() {
    return Fixtures.v05Payloads();
  }

  static List<Path> otherRequests() {
    List<Path> found = new ArrayList<>(Fixtures.matching("v07-config-request\\.headers\\.json"));
    found.addAll(Fixtures.matching("dogstatsd-v2-proxy\\.headers\\.json"));
    found.addAll(Fixtures.matching("0\\d-.*\\.headers\\.json"));
    return found;
  }

  @ParameterizedTest
  @MethodSource("v05Payloads")
  void replay_capturedV05PayloadWithItsHeaders_returnsRatesAndHandsOverEverySpan(Path payload)
      throws IOException {
    byte[] body = Fixtures.read(payload);

    HttpResponse<String> response =
        send(payload.resolveSibling(name(payload, ".headers.json")), body);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(IntakeClient.json(response).get("rate_by_service").has("service:,env:")).isTrue();
    assertThat(sink.spans)
        .isEqualTo(new DatadogV05Decoder().decode(ByteBuffer.wrap(body)))
        .isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("otherRequests")
  void replay_capturedConfigTelemetryAndDogstatsdRequests_answer200EmptyObjectAndAreCounted(
      Path headers) throws IOException {
    String base = headers.getFileName().toString().replace(".headers.json", "");
    Path body =
        Fixtures.matching(java.util.regex.Pattern.quote(base) + "\\.(json|txt)").stream()
            .filter(p -> p.getParent().equals(headers.getParent()))
            .findFirst()
            .orElseThrow();

    HttpResponse<String> response = send(headers, Fixtures.read(body));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{}");
    assertThat(response.headers().firstValue("Datadog-Agent-State")).isPresent();
    assertThat(server.stats().otherPayloads()).isEqualTo(1);
    assertThat(sink.calls).hasValue(0);
  }

  @Test
  void put_v03Msgpack_answersTextOk() {
    byte[] body = Fixtures.read(Fixtures.v04Payloads().get(0));

    HttpResponse<String> response = client.send("PUT", "/v0.3/traces", body);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("OK\n");
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/plain");
    assertThat(sink.spans).hasSize(new DatadogV04Decoder().decode(ByteBuffer.wrap(body)).size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v0.3/traces", "/v0.4/traces"})
  void post_jsonBody_isDecodedLikeTheMsgpackForm(String path) {
    Path payload = Fixtures.v04Payloads().get(0);
    byte[] json = Fixtures.read(Fixtures.sibling(payload, ".decoded.json"));

    HttpResponse<String> response =
        client.send("POST", path, json, "Content-Type", "application/json; charset=utf-8");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(sink.spans)
        .isEqualTo(new DatadogV04Decoder().decode(ByteBuffer.wrap(Fixtures.read(payload))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v0.4/traces", "/v0.5/traces"})
  void put_gzipBody_isDecompressedAndDecoded(String path) throws IOException {
    Path payload =
        path.contains("v0.5") ? Fixtures.v05Payloads().get(0) : Fixtures.v04Payloads().get(0);
    byte[] body = Fixtures.read(payload);

    HttpResponse<String> response =
        client.send(
            "PUT",
            path,
            gzip(body),
            "Content-Type",
            "application/msgpack",
            "Content-Encoding",
            "gzip");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(sink.spans).isNotEmpty();
  }

  @Test
  void getInfo_listsExactlyTheServedEndpointsAndEachAnswersAPost() throws IOException {
    JsonNode info = IntakeClient.json(client.send("GET", "/info", null));
    List<String> endpoints = new ArrayList<>();
    info.get("endpoints").forEach(e -> endpoints.add(e.asText()));

    assertThat(endpoints)
        .containsExactly(
            "/v0.3/traces",
            "/v0.4/traces",
            "/v0.5/traces",
            "/v0.7/config",
            "/telemetry/proxy/",
            "/dogstatsd/v2/proxy");
    assertThat(info.get("span_events").asBoolean()).isTrue();
    assertThat(info.get("client_drop_p0s").asBoolean()).isFalse();
    for (String endpoint : endpoints) {
      String path = endpoint.endsWith("/") ? endpoint + "api/v2/apmtelemetry" : endpoint;
      HttpResponse<String> response = client.send("POST", path, EMPTY_PROBE);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.headers().firstValue("Datadog-Agent-State"))
          .hasValue(
              client
                  .send("GET", "/info", null)
                  .headers()
                  .firstValue("Datadog-Agent-State")
                  .orElseThrow());
    }
  }

  private HttpResponse<String> send(Path headersFile, byte[] body) throws IOException {
    JsonNode recorded = new ObjectMapper().readTree(headersFile.toFile());
    List<String> headers = new ArrayList<>();
    for (JsonNode pair : recorded.get("headers")) {
      if (!RESTRICTED.contains(pair.get(0).asText().toLowerCase())) {
        headers.add(pair.get(0).asText());
        headers.add(pair.get(1).asText());
      }
    }
    return client.send(
        recorded.get("method").asText(),
        recorded.get("path").asText(),
        body,
        headers.toArray(new String[0]));
  }

  private static String name(Path payload, String suffix) {
    return payload.getFileName().toString().replaceFirst("\\.msgpack$", suffix);
  }

  static byte[] gzip(byte[] body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(body);
    }
    return out.toByteArray();
  }
}
