package dev.tracehouse.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Datadog port with bad requests: every error is JSON, counted, and the server keeps going. */
class DatadogIntakeErrorsIT {
  private static final int LIMIT = 1024;
  private static final byte[] EMPTY_PROBE = {(byte) 0x92, (byte) 0x90, (byte) 0x90};

  /** {@code [[{"span_id": 1, "trace_id": 2}]]}: one small span, under the limit. */
  private static final byte[] ONE_SPAN =
      HexFormat.of().parseHex("919182a77370616e5f696401a874726163655f696402");

  private final CollectingSink sink = new CollectingSink();
  private IntakeServer server;
  private IntakeClient client;

  @BeforeEach
  void start() {
    server = IntakeServer.start(new IntakeConfig("127.0.0.1", 0, LIMIT), sink);
    client = new IntakeClient(server.datadogPort());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static Stream<Arguments> malformedBodies() {
    return Stream.of(
        Arguments.of("empty body", "", "empty body", 0),
        Arguments.of("not msgpack", "c1", "invalid msgpack type byte 0xc1", 0),
        Arguments.of("json", HexFormat.of().formatHex("[[]]".getBytes()), "expected an array", 0),
        Arguments.of("map instead of array", "80", "expected an array, got map", 0),
        Arguments.of("span not a map", "919190", "chunk 0 span 0: expected a map, got array", 2),
        Arguments.of(
            "string id",
            "919181a874726163655f6964a131",
            "field 'trace_id': expected an integer, got string",
            12),
        Arguments.of("truncated header", "9191", "claims 1 elements but only 0 bytes remain", 2),
        Arguments.of("truncated value", "919181a874726163655f6964cf0102", "end of payload", 13),
        Arguments.of("absurd length", "dd7fffffff909090", "claims 2147483647 elements", 5),
        Arguments.of("length over 2^31", "ddffffff00909090", "over 2^31-1", 5));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedBodies")
  void put_malformedBody_returns400WithReasonAndOffsetThenKeepsServing(
      String name, String hex, String reason, long offset) {
    HttpResponse<String> response = client.putTraces(HexFormat.of().parseHex(hex));

    JsonNode json = IntakeClient.json(response);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json.get("error").asText()).contains(reason);
    assertThat(json.get("offset").asLong()).isEqualTo(offset);
    assertAgentHeaders(response);
    assertThat(server.stats().payloadsMalformed()).isEqualTo(1);
    assertThat(client.putTraces(EMPTY_PROBE).statusCode()).isEqualTo(200);
  }

  @Test
  void put_bodyOverLimit_returns413() {
    HttpResponse<String> response = client.putTraces(new byte[LIMIT + 1]);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(IntakeClient.json(response).get("error").asText())
        .contains("intake.max-payload-bytes");
    assertAgentHeaders(response);
    assertThat(server.stats().payloadsRejected()).isEqualTo(1);
  }

  @Test
  void put_chunkedBodyOverLimit_returns413() throws Exception {
    RawHttp.Response response =
        RawHttp.putChunked(server.datadogPort(), "/v0.4/traces", new byte[3 * LIMIT], 512);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.text()).contains("\"error\"");
    assertThat(client.putTraces(EMPTY_PROBE).statusCode()).isEqualTo(200);
  }

  @Test
  void put_unsupportedContentType_returns415() {
    HttpResponse<String> response = client.putTraces(EMPTY_PROBE, "Content-Type", "text/plain");
    HttpResponse<String> jsonOnV05 =
        client.send("PUT", "/v0.5/traces", EMPTY_PROBE, "Content-Type", "application/json");

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(IntakeClient.json(response).get("error").asText())
        .contains("text/plain")
        .contains("application/msgpack or application/json");
    assertAgentHeaders(response);
    assertThat(jsonOnV05.statusCode()).isEqualTo(415);
  }

  @Test
  void put_gzipBombOrCompressedBodyOverLimit_returns413() throws Exception {
    byte[] bomb = DatadogIntakeProtocolsIT.gzip(new byte[50 * LIMIT]);
    byte[] random = new byte[2 * LIMIT];
    new java.util.Random(7).nextBytes(random);
    byte[] incompressible = DatadogIntakeProtocolsIT.gzip(random);

    HttpResponse<String> bombResponse = client.putTraces(bomb, "Content-Encoding", "gzip");
    HttpResponse<String> bigResponse =
        client.send("POST", "/v0.7/config", incompressible, "Content-Encoding", "gzip");

    assertThat(bomb.length).isLessThan(LIMIT);
    assertThat(bombResponse.statusCode()).isEqualTo(413);
    assertThat(IntakeClient.json(bombResponse).get("error").asText())
        .contains("decompressed body exceeds the limit of 1024 bytes");
    assertThat(bigResponse.statusCode()).isEqualTo(413);
    assertThat(server.stats().payloadsRejected()).isEqualTo(2);
  }

  @Test
  void put_badGzipOrUnknownEncoding_returns400Or415() throws Exception {
    byte[] truncated = DatadogIntakeProtocolsIT.gzip(ONE_SPAN);
    truncated = java.util.Arrays.copyOf(truncated, truncated.length - 6);

    HttpResponse<String> notGzip = client.putTraces(ONE_SPAN, "Content-Encoding", "gzip");
    HttpResponse<String> cut = client.putTraces(truncated, "Content-Encoding", "gzip");
    HttpResponse<String> brotli = client.putTraces(ONE_SPAN, "Content-Encoding", "br");

    assertThat(notGzip.statusCode()).isEqualTo(400);
    assertThat(IntakeClient.json(notGzip).get("error").asText()).contains("invalid gzip body");
    assertThat(cut.statusCode()).isEqualTo(400);
    assertThat(brotli.statusCode()).isEqualTo(415);
    assertThat(IntakeClient.json(brotli).get("error").asText()).contains("'br'");
    assertThat(server.stats().payloadsMalformed()).isEqualTo(2);
    assertThat(client.putTraces(EMPTY_PROBE).statusCode()).isEqualTo(200);
  }

  @Test
  void unknownPath_returns404Json() {
    HttpResponse<String> response = client.send("PUT", "/v0.7/traces", EMPTY_PROBE);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(IntakeClient.json(response).get("error").asText()).contains("/v0.7/traces");
    assertAgentHeaders(response);
  }

  @Test
  void wrongMethod_returns405Json() {
    HttpResponse<String> onTraces = client.send("GET", "/v0.4/traces", null);
    HttpResponse<String> onInfo = client.send("POST", "/info", EMPTY_PROBE);

    assertThat(onTraces.statusCode()).isEqualTo(405);
    assertThat(IntakeClient.json(onTraces).get("error").asText()).contains("GET");
    assertThat(onInfo.statusCode()).isEqualTo(405);
    assertAgentHeaders(onTraces);
  }

  @Test
  void put_whenSinkRefuses_returns200AndCountsDrop() {
    sink.mode = CollectingSink.Mode.REFUSE;
    byte[] body = ONE_SPAN;

    assertThat(client.putTraces(body).statusCode()).isEqualTo(200);
    assertThat(client.putTraces(body, "Datadog-Send-Real-Http-Status", "false").statusCode())
        .isEqualTo(200);
    IntakeStats stats = server.stats();
    assertThat(stats.payloadsDropped()).isEqualTo(2);
    assertThat(stats.spansDropped()).isEqualTo(stats.spansReceived()).isPositive();
  }

  @Test
  void put_whenSinkRefusesAndClientAsksRealStatus_returns429() {
    sink.mode = CollectingSink.Mode.REFUSE;
    byte[] body = ONE_SPAN;

    HttpResponse<String> response = client.putTraces(body, "Datadog-Send-Real-Http-Status", "yes");

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(IntakeClient.json(response).get("error").asText()).contains("dropped");
  }

  @Test
  void put_whenSinkIsSaturated_dropsUndecodedAndCountsShed() {
    sink.saturated = true;

    HttpResponse<String> plain = client.putTraces(ONE_SPAN, "X-Datadog-Trace-Count", "1");
    HttpResponse<String> real =
        client.putTraces(
            ONE_SPAN, "Datadog-Send-Real-Http-Status", "true", "X-Datadog-Trace-Count", "bogus");
    HttpResponse<String> garbage = client.putTraces(new byte[] {(byte) 0xc1});

    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(IntakeClient.json(plain).has("rate_by_service")).isTrue();
    assertThat(real.statusCode()).isEqualTo(429);
    assertThat(IntakeClient.json(real).get("error").asText()).contains("undecoded");
    assertThat(garbage.statusCode()).as("not decoded, so not found malformed").isEqualTo(200);
    assertThat(sink.calls).hasValue(0);
    IntakeStats stats = server.stats();
    assertThat(stats.payloadsShed()).isEqualTo(3);
    assertThat(stats.payloadsDropped()).isEqualTo(3);
    assertThat(stats.tracesShed()).isEqualTo(1);
    assertThat(stats.payloadsReceived()).isZero();
    assertThat(stats.spansDropped()).isZero();

    sink.saturated = false;
    assertThat(client.putTraces(ONE_SPAN).statusCode()).isEqualTo(200);
    assertThat(sink.spans).hasSize(1);
  }

  @Test
  void put_whenSinkThrows_countsDropAndKeepsServing() {
    sink.mode = CollectingSink.Mode.THROW;
    byte[] body = ONE_SPAN;

    assertThat(client.putTraces(body).statusCode()).isEqualTo(200);
    sink.mode = CollectingSink.Mode.ACCEPT;
    assertThat(client.putTraces(body).statusCode()).isEqualTo(200);
    assertThat(server.stats().payloadsDropped()).isEqualTo(1);
    assertThat(sink.spans).isNotEmpty();
  }

  private static void assertAgentHeaders(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Datadog-Agent-Version")).hasValue("7.65.0");
    assertThat(response.headers().firstValue("Datadog-Agent-State"))
        .hasValueSatisfying(v -> assertThat(v).hasSize(64));
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
  }
}
