package dev.tracehouse.intake.datadog;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracehouse.intake.MalformedPayloadException;
import java.nio.ByteBuffer;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class DatadogV04DecoderMalformedTest {
  private final DatadogV04Decoder decoder = new DatadogV04Decoder();

  private AbstractThrowableAssert<?, ?> assertRejects(RawMsgpack payload, long offset) {
    return assertThatThrownBy(() -> decoder.decode(payload.buffer()))
        .isInstanceOf(MalformedPayloadException.class)
        .satisfies(
            e ->
                org.assertj.core.api.Assertions.assertThat(((MalformedPayloadException) e).offset())
                    .isEqualTo(offset));
  }

  @Test
  void decode_rejectsEmptyBody() {
    assertThatThrownBy(() -> decoder.decode(ByteBuffer.allocate(0)))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("empty body");
  }

  @Test
  void decode_rejectsMapInsteadOfArray() {
    assertRejects(RawMsgpack.create().fixMap(0), 0)
        .hasMessage("payload: expected an array, got map");
  }

  @Test
  void decode_rejectsChunkThatIsNotAnArray() {
    assertRejects(RawMsgpack.create().fixArray(1).str("x"), 1)
        .hasMessage("chunk 0: expected an array, got string");
  }

  @Test
  void decode_rejectsSpanThatIsNotAMap() {
    assertRejects(RawMsgpack.create().fixArray(1).fixArray(2).fixMap(0).fixArray(0), 3)
        .hasMessage("chunk 0 span 1: expected a map, got array");
  }

  @Test
  void decode_rejectsStringWhereIdShouldBe() {
    RawMsgpack p = RawMsgpack.create().fixArray(1).fixArray(1).fixMap(1).str("span_id").str("12");
    assertRejects(p, 11)
        .hasMessage("chunk 0 span 0 field 'span_id': expected an integer, got string");
  }

  @Test
  void decode_rejectsNonStringMetaValueNamingTheKey() {
    RawMsgpack p = RawMsgpack.create().fixArray(1).fixArray(1).fixMap(1);
    p.str("meta").fixMap(1).str("env").posFixInt(1);
    assertRejects(p, 13)
        .hasMessageContaining("field 'meta' key 'env'")
        .hasMessageContaining("string");
  }

  @Test
  void decode_rejectsNonNumericMetric() {
    RawMsgpack p = RawMsgpack.create().fixArray(1).fixArray(1).fixMap(1);
    p.str("metrics").fixMap(1).str("x").str("1");
    assertRejects(p, 14).hasMessageContaining("field 'metrics' key 'x': expected a number");
  }

  @Test
  void decode_rejectsNonStringKey() {
    assertRejects(RawMsgpack.create().fixArray(1).fixArray(1).fixMap(1).posFixInt(1).nil(), 3)
        .hasMessage("chunk 0 span 0: expected a string, got integer");
  }

  @Test
  void decode_rejectsTruncatedPayload() {
    RawMsgpack p = RawMsgpack.create().fixArray(1).fixArray(2).fixMap(1).str("span_id");
    assertRejects(p, 11).hasMessageContaining("unexpected end of payload");
  }

  @Test
  void decode_rejectsTruncatedInteger() {
    RawMsgpack p = RawMsgpack.create().fixArray(1).fixArray(1).fixMap(1).str("span_id");
    p.bytes(0xcf, 0x01, 0x02);
    assertRejects(p, 12).hasMessageContaining("unexpected end of payload");
  }

  @Test
  void decode_rejectsAbsurdArrayHeaderWithoutAllocating() {
    RawMsgpack p = RawMsgpack.create().array32(0x7fff_ffffL).bytes(0x90, 0x90, 0x90, 0x90, 0x90);
    assertRejects(p, 5).hasMessageContaining("claims 2147483647 elements but only 5 bytes remain");
  }

  @Test
  void decode_rejectsArrayHeaderBeyondSignedInt() {
    assertRejects(RawMsgpack.create().array32(0xffff_ffffL).bytes(0x90), 5)
        .hasMessage("payload: length header over 2^31-1 elements or bytes");
  }

  @Test
  void decode_rejectsAbsurdStringLength() {
    RawMsgpack p = RawMsgpack.create().fixArray(1).fixArray(1).fixMap(1);
    p.bytes(0xdb, 0x7f, 0xff, 0xff, 0xff, 0x61);
    assertRejects(p, 8).hasMessageContaining("length 2147483647 exceeds the 1 bytes that remain");
  }

  @Test
  void decode_rejectsAbsurdLengthInsideSkippedValue() {
    RawMsgpack p = RawMsgpack.create().fixArray(1).fixArray(1).fixMap(1).str("span_links");
    p.array32(0x7fff_fff0L).fixArray(0);
    assertRejects(p, 19).hasMessageContaining("field 'span_links'");
  }

  @Test
  void decode_rejectsNeverUsedTypeByte() {
    assertRejects(RawMsgpack.create().fixArray(1).bytes(0xc1), 1)
        .hasMessage("chunk 0: invalid msgpack type byte 0xc1");
  }

  @Test
  void decode_rejectsTrailingBytes() {
    assertRejects(RawMsgpack.create().fixArray(0).fixArray(0), 1)
        .hasMessage("payload: unexpected bytes after the last trace");
  }

  @Test
  void decode_rejectsJsonBody() {
    assertRejects(RawMsgpack.create().raw("[[{\"span_id\":1}]]".getBytes()), 0)
        .hasMessageContaining("payload: expected an array");
  }
}
