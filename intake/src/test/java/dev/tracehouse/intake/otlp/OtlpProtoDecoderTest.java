package dev.tracehouse.intake.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.tracehouse.intake.Fixtures;
import dev.tracehouse.intake.MalformedPayloadException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Protobuf-level failures of {@link OtlpProtoDecoder}. */
class OtlpProtoDecoderTest {
  private final OtlpProtoDecoder decoder = new OtlpProtoDecoder();

  private static byte[] oneSpan(Span.Builder span) {
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            ResourceSpans.newBuilder().addScopeSpans(ScopeSpans.newBuilder().addSpans(span)))
        .build()
        .toByteArray();
  }

  private static Span.Builder valid() {
    return Span.newBuilder()
        .setTraceId(
            ByteString.copyFrom(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}))
        .setSpanId(ByteString.copyFrom(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
  }

  @Test
  void decode_emptyBody_givesNoSpans() {
    assertThat(decoder.decode(ByteBuffer.allocate(0))).isEmpty();
  }

  @Test
  void decode_truncatedFixture_failsWithAnOffsetInsideTheBody() {
    byte[] full = Fixtures.read(Fixtures.dir().resolve("otel-java/v1-traces.pb"));
    byte[] truncated = Arrays.copyOf(full, full.length - 7);

    assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(truncated)))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageStartingWith("invalid ExportTraceServiceRequest protobuf")
        .satisfies(
            e ->
                assertThat(((MalformedPayloadException) e).offset())
                    .isBetween(0L, (long) truncated.length));
  }

  @Test
  void decode_rejectsBadIdLengthsNamingTheField() {
    assertThatThrownBy(
            () ->
                decoder.decode(
                    ByteBuffer.wrap(oneSpan(valid().setSpanId(ByteString.copyFrom(new byte[3]))))))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessage("resourceSpans[0].scopeSpans[0].spans[0].spanId: expected 8 bytes, got 3");
    assertThatThrownBy(
            () ->
                decoder.decode(
                    ByteBuffer.wrap(
                        oneSpan(valid().setParentSpanId(ByteString.copyFrom(new byte[9]))))))
        .hasMessageContaining("parentSpanId: expected 8 bytes, got 9");
    assertThatThrownBy(
            () ->
                decoder.decode(ByteBuffer.wrap(oneSpan(valid().addLinks(Span.Link.newBuilder())))))
        .hasMessageContaining("links[0].traceId: expected 16 bytes, got 0");
  }

  @Test
  void decode_unknownKindAndStatusValues_areTreatedAsUnset() {
    var span = decoder.decode(ByteBuffer.wrap(oneSpan(valid().setKindValue(42)))).get(0);

    assertThat(span.name()).isEqualTo("internal");
    assertThat(span.meta()).doesNotContainKey("span.kind");
    assertThat(span.error()).isFalse();
  }
}
