package dev.tracehouse.intake.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.CodedInputStream;
import dev.tracehouse.intake.Fixtures;
import dev.tracehouse.intake.internal.RecordingSink;
import dev.tracehouse.intake.internal.TestHttp;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OTLP/HTTP listener on a free port with a recording sink. */
class OtlpIntakeServerIT {
  private static final String PROTOBUF = "application/x-protobuf";
  private static final String JSON_TYPE = "application/json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RecordingSink sink = new RecordingSink();
  private OtlpIntakeServer server;
  private TestHttp http;

  @BeforeEach
  void start() {
    server = OtlpIntakeServer.start(new OtlpIntakeConfig("127.0.0.1", 0, 64 * 1024), sink);
    http = new TestHttp(server.port());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static byte[] fixture(String name) {
    return Fixtures.read(Fixtures.dir().resolve(name));
  }

  private HttpResponse<byte[]> post(String path, byte[] body, String... headers) {
    return http.send("POST", path, body, headers);
  }

  @Test
  void postTraces_protobuf_answersAnEmptyProtobufAndHandsOverTheSpans() {
    HttpResponse<byte[]> response =
        post("/v1/traces", fixture("otel-java/v1-traces.pb"), "Content-Type", PROTOBUF);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith(PROTOBUF));
    assertThat(response.body()).isEmpty();
    assertThat(sink.spans).hasSize(6);
    assertThat(server.stats().spansReceived()).isEqualTo(6);
  }

  @Test
  void postTraces_gzippedJson_answersEmptyJsonObject() {
    HttpResponse<byte[]> response =
        post(
            "/v1/traces",
            TestHttp.gzip(fixture("dd-trace-js/otlp-json-traces-2.json")),
            "Content-Type",
            "application/json; charset=utf-8",
            "Content-Encoding",
            "gzip");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
    assertThat(sink.spans).isNotEmpty();
  }

  @Test
  void postTraces_gzipBombOrTooLargeBody_answers413() {
    byte[] bomb = TestHttp.gzip(new byte[1 << 20]);
    assertThat(bomb.length).isLessThan(64 * 1024);

    assertThat(
            post("/v1/traces", bomb, "Content-Type", JSON_TYPE, "Content-Encoding", "gzip")
                .statusCode())
        .isEqualTo(413);
    assertThat(post("/v1/traces", new byte[100 * 1024], "Content-Type", PROTOBUF).statusCode())
        .isEqualTo(413);
    assertThat(server.stats().payloadsRejected()).isEqualTo(2);
  }

  @Test
  void postTraces_badGzipOrUnknownEncoding_answers400Or415() {
    byte[] body = "not gzip".getBytes(StandardCharsets.UTF_8);

    assertThat(
            post("/v1/traces", body, "Content-Type", JSON_TYPE, "Content-Encoding", "gzip")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            post("/v1/traces", body, "Content-Type", JSON_TYPE, "Content-Encoding", "br")
                .statusCode())
        .isEqualTo(415);
  }

  @Test
  void postTraces_malformedProtobuf_answers400WithAGoogleRpcStatus() throws IOException {
    byte[] bad = {0x0a, 0x7f, 0x01};
    HttpResponse<byte[]> response = post("/v1/traces", bad, "Content-Type", PROTOBUF);

    assertThat(response.statusCode()).isEqualTo(400);
    CodedInputStream status = CodedInputStream.newInstance(response.body());
    assertThat(status.readTag()).isEqualTo(1 << 3);
    assertThat(status.readInt32()).isEqualTo(3);
    assertThat(status.readTag()).isEqualTo(2 << 3 | 2);
    assertThat(status.readString()).startsWith("invalid ExportTraceServiceRequest protobuf");
    assertThat(sink.spans).isEmpty();
  }

  @Test
  void postTraces_malformedJson_answers400WithErrorAndOffset() throws IOException {
    HttpResponse<byte[]> response =
        post(
            "/v1/traces",
            "{\"resourceSpans\": 3}".getBytes(StandardCharsets.UTF_8),
            "Content-Type",
            JSON_TYPE);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("error").asText())
        .isEqualTo("resourceSpans: expected an array, got a number");
    assertThat(body.get("offset").asLong()).isEqualTo(18);
    assertThat(server.stats().payloadsMalformed()).isEqualTo(1);
  }

  @Test
  void postTraces_otherContentType_answers415() {
    assertThat(post("/v1/traces", new byte[] {1}, "Content-Type", "text/plain").statusCode())
        .isEqualTo(415);
    assertThat(post("/v1/traces", new byte[] {1}).statusCode()).isEqualTo(415);
  }

  @Test
  void postTraces_sinkRefuses_answers503WithRetryAfter() {
    sink.refuse = true;

    HttpResponse<byte[]> response =
        post("/v1/traces", fixture("otel-java/v1-traces.pb"), "Content-Type", PROTOBUF);

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(server.stats().spansDropped()).isEqualTo(6);
  }

  @Test
  void postTraces_sinkSaturated_answers503WithoutDecoding() {
    sink.saturated = true;

    HttpResponse<byte[]> response =
        post("/v1/traces", new byte[] {(byte) 0xff}, "Content-Type", PROTOBUF);

    assertThat(response.statusCode()).as("not decoded, so not found malformed").isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(server.stats().payloadsShed()).isEqualTo(1);
    assertThat(server.stats().payloadsMalformed()).isZero();
    sink.saturated = false;
    assertThat(
            post("/v1/traces", fixture("otel-java/v1-traces.pb"), "Content-Type", PROTOBUF)
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void postLogs_protobuf_reportsEveryRecordRejected() throws IOException {
    HttpResponse<byte[]> response =
        post("/v1/logs", fixture("otel-java/v1-logs-1.pb"), "Content-Type", PROTOBUF);

    assertThat(response.statusCode()).isEqualTo(200);
    ExportLogsServiceResponse answer = ExportLogsServiceResponse.parseFrom(response.body());
    long sent =
        JSON.readTree(fixture("otel-java/v1-logs-1.decoded.json")).findValues("logRecords").stream()
            .mapToLong(JsonNode::size)
            .sum();
    assertThat(sent).isPositive();
    assertThat(answer.getPartialSuccess().getRejectedLogRecords()).isEqualTo(sent);
    assertThat(answer.getPartialSuccess().getErrorMessage()).contains("does not store OTLP logs");
  }

  @Test
  void postMetrics_json_reportsDataPointsRejected() throws IOException {
    String metrics =
        "{\"resourceMetrics\":[{\"scopeMetrics\":[{\"metrics\":[{\"name\":\"m\","
            + "\"gauge\":{\"dataPoints\":[{\"asInt\":\"1\"},{\"asInt\":\"2\"}]}}]}]}]}";

    HttpResponse<byte[]> response =
        post("/v1/metrics", metrics.getBytes(StandardCharsets.UTF_8), "Content-Type", JSON_TYPE);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode partial = JSON.readTree(response.body()).get("partialSuccess");
    assertThat(partial.get("rejectedDataPoints").asText()).isEqualTo("2");
    assertThat(partial.get("errorMessage").asText()).contains("does not store OTLP metrics");
  }

  @Test
  void unknownPathAndWrongMethod_answer404And405() {
    assertThat(post("/v1/profiles", new byte[0], "Content-Type", PROTOBUF).statusCode())
        .isEqualTo(404);
    assertThat(http.send("GET", "/v1/traces", null).statusCode()).isEqualTo(405);
  }
}
