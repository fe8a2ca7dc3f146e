package dev.tracehouse.intake.zipkin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehouse.intake.internal.RecordingSink;
import dev.tracehouse.intake.internal.TestHttp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Zipkin listener on a free port with a recording sink. */
class ZipkinIntakeServerIT {
  private static final byte[] SPANS =
      ZipkinV2JsonDecoderTest.CLIENT_SPAN.getBytes(StandardCharsets.UTF_8);

  private final RecordingSink sink = new RecordingSink();
  private ZipkinIntakeServer server;
  private TestHttp http;

  @BeforeEach
  void start() {
    server = ZipkinIntakeServer.start(new ZipkinIntakeConfig("127.0.0.1", 0, 16 * 1024), sink);
    http = new TestHttp(server.port());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void postSpans_json_answers202AndHandsOverTheSpans() {
    HttpResponse<byte[]> response =
        http.send("POST", "/api/v2/spans", SPANS, "Content-Type", "application/json");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(sink.spans).hasSize(1);
    assertThat(sink.spans.get(0).service()).isEqualTo("cafe");
  }

  @Test
  void postSpans_gzipWithoutContentType_isAccepted() {
    HttpResponse<byte[]> response =
        http.send("POST", "/api/v2/spans", TestHttp.gzip(SPANS), "Content-Encoding", "gzip");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(server.stats().spansReceived()).isEqualTo(1);
  }

  @Test
  void postSpans_malformed_answers400WithErrorAndOffset() throws IOException {
    HttpResponse<byte[]> response =
        http.send("POST", "/api/v2/spans", "[{]".getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode body = new ObjectMapper().readTree(response.body());
    assertThat(body.get("error").asText()).startsWith("invalid JSON");
    assertThat(body.get("offset").asLong()).isEqualTo(2);
  }

  @Test
  void postSpans_tooLargeOrWrongType_answers413Or415() {
    assertThat(http.send("POST", "/api/v2/spans", new byte[32 * 1024]).statusCode()).isEqualTo(413);
    assertThat(
            http.send("POST", "/api/v2/spans", SPANS, "Content-Type", "application/x-thrift")
                .statusCode())
        .isEqualTo(415);
  }

  @Test
  void postSpans_sinkRefuses_answers503WithRetryAfter() {
    sink.refuse = true;

    HttpResponse<byte[]> response = http.send("POST", "/api/v2/spans", SPANS);

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(server.stats().spansDropped()).isEqualTo(1);
  }

  @Test
  void postSpans_sinkSaturated_answers503WithoutDecoding() {
    sink.saturated = true;

    HttpResponse<byte[]> response = http.send("POST", "/api/v2/spans", SPANS);

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(server.stats().payloadsShed()).isEqualTo(1);
    assertThat(server.stats().payloadsReceived()).isZero();
    assertThat(sink.spans).isEmpty();
  }

  @Test
  void unknownPath_answers404() {
    assertThat(http.send("POST", "/api/v1/spans", SPANS).statusCode()).isEqualTo(404);
  }
}
