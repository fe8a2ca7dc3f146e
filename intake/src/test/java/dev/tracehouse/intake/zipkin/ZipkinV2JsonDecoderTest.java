package dev.tracehouse.intake.zipkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracehouse.intake.MalformedPayloadException;
import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Zipkin v2 JSON onto the Datadog model. */
class ZipkinV2JsonDecoderTest {
  static final String CLIENT_SPAN =
      "[{\"traceId\":\"5af7183fb1d4cf5f5af7183fb1d4cf5f\",\"parentId\":\"6b221d5bc9e6496c\","
          + "\"id\":\"352bff9a74ca9ad2\",\"kind\":\"CLIENT\",\"name\":\"get /pay\","
          + "\"timestamp\":1556604172355737,\"duration\":1431,"
          + "\"localEndpoint\":{\"serviceName\":\"cafe\",\"ipv4\":\"192.168.99.1\",\"port\":3306},"
          + "\"remoteEndpoint\":{\"serviceName\":\"bank\",\"ipv4\":\"172.19.0.2\",\"port\":8080},"
          + "\"annotations\":[{\"timestamp\":1556604172355800,\"value\":\"ws\"}],"
          + "\"tags\":{\"http.method\":\"GET\",\"http.path\":\"/pay\",\"error\":\"timeout\"}}]";

  private final ZipkinV2JsonDecoder decoder = new ZipkinV2JsonDecoder();

  private List<Span> decode(String json) {
    return decoder.decode(ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void decode_clientSpan_mapsEveryField() {
    Span span = decode(CLIENT_SPAN).get(0);

    assertThat(span.traceId()).isEqualTo(TraceId.parse("5af7183fb1d4cf5f5af7183fb1d4cf5f"));
    assertThat(span.spanId()).isEqualTo(Long.parseUnsignedLong("352bff9a74ca9ad2", 16));
    assertThat(span.parentId()).isEqualTo(Long.parseUnsignedLong("6b221d5bc9e6496c", 16));
    assertThat(span.service()).isEqualTo("cafe");
    assertThat(span.name()).isEqualTo("http.client.request");
    assertThat(span.resource()).isEqualTo("GET");
    assertThat(span.type()).isEqualTo("http");
    assertThat(span.start()).isEqualTo(1556604172355737000L);
    assertThat(span.duration()).isEqualTo(1431000L);
    assertThat(span.error()).isTrue();
    assertThat(span.meta())
        .containsEntry("error.message", "timeout")
        .containsEntry("span.kind", "client")
        .containsEntry("peer.service", "bank")
        .containsEntry("out.host", "172.19.0.2")
        .containsEntry("http.path", "/pay")
        .containsEntry("_dd.p.tid", "5af7183fb1d4cf5f")
        .containsEntry("events", "[{\"name\":\"ws\",\"time_unix_nano\":1556604172355800000}]")
        .doesNotContainKey("error");
    assertThat(span.metrics()).containsEntry("network.destination.port", 8080.0);
  }

  @Test
  void decode_minimalSpan_usesFallbacks() {
    Span span =
        decode(
                "[{\"traceId\":\"000000000000000a\",\"id\":\"000000000000000b\",\"name\":\"work\",\"debug\":true,\"parentId\":null}]")
            .get(0);

    assertThat(span.traceId()).isEqualTo(TraceId.ofLow(10));
    assertThat(span.service()).isEqualTo("unknown_service");
    assertThat(span.name()).isEqualTo("internal");
    assertThat(span.resource()).isEqualTo("work");
    assertThat(span.isRoot()).isTrue();
    assertThat(span.error()).isFalse();
    assertThat(span.meta()).doesNotContainKeys("span.kind", "_dd.p.tid");
    assertThat(span.metrics()).containsEntry("_sampling_priority_v1", 2.0);
  }

  @Test
  void decode_emptyArray_givesNoSpans() {
    assertThat(decode("[]")).isEmpty();
  }

  @Test
  void decode_rejectsMissingIdsBadKindsAndNonArrays() {
    assertThatThrownBy(() -> decode("[{\"id\":\"000000000000000b\"}]"))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessage("spans[0]: traceId is missing")
        .satisfies(e -> assertThat(((MalformedPayloadException) e).offset()).isEqualTo(1));
    assertThatThrownBy(() -> decode("[{\"traceId\":\"a\",\"id\":\"000000000000000b\"}]"))
        .hasMessageContaining("16 hex digits or 32 hex digits");
    assertThatThrownBy(() -> decode(CLIENT_SPAN.replace("CLIENT", "SIDEWAYS")))
        .hasMessageContaining("'SIDEWAYS' is not CLIENT, SERVER, PRODUCER or CONSUMER");
    assertThatThrownBy(() -> decode("{}")).hasMessageContaining("expected an array");
    assertThatThrownBy(() -> decode(CLIENT_SPAN.replace("1431", "-1")))
        .hasMessageContaining("spans[0].duration");
    assertThatThrownBy(() -> decode(CLIENT_SPAN.replace("1556604172355737", "18446744073709551")))
        .hasMessageContaining("past the year 2262");
  }
}
