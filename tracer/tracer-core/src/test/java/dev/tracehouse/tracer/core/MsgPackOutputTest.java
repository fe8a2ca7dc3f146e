package dev.tracehouse.tracer.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

class MsgPackOutputTest {

  private final MsgPackOutput out = new MsgPackOutput();

  @Test
  void string_countsUtf8BytesInHeaderForNonAsciiText() throws IOException {
    out.string("ascii");
    out.string("ïpa ☕");
    out.raw(MsgPackOutput.encodedString("key"));

    try (MessageUnpacker in = MessagePack.newDefaultUnpacker(out.toByteArray())) {
      assertThat(in.unpackString()).isEqualTo("ascii");
      assertThat(in.unpackString()).isEqualTo("ïpa ☕");
      assertThat(in.unpackString()).isEqualTo("key");
      assertThat(in.hasNext()).isFalse();
    }
  }

  @Test
  void writeTo_writesExactlyTheBytesSinceReset() throws IOException {
    out.string("first");
    out.reset();
    out.int32(7);
    ByteArrayOutputStream sink = new ByteArrayOutputStream();

    out.writeTo(sink);

    assertThat(sink.toByteArray()).containsExactly(7);
    assertThat(out.size()).isEqualTo(1);
  }

  @Test
  void reset_afterHugeOutputStartsFromScratch() {
    out.string("x".repeat(MsgPackOutput.MAX_KEPT_BYTES + 1));
    out.reset();
    out.nil();

    assertThat(out.toByteArray()).containsExactly(0xc0);
  }

  @Test
  void uint32_usesTheSmallestUnsignedFormAndRejectsNegatives() throws IOException {
    int[] values = {0, 127, 128, 255, 256, 65_535, 65_536, Integer.MAX_VALUE};
    for (int value : values) {
      out.uint32(value);
    }

    try (MessageUnpacker in = MessagePack.newDefaultUnpacker(out.toByteArray())) {
      MessageFormat[] formats = {
        MessageFormat.POSFIXINT, MessageFormat.POSFIXINT, MessageFormat.UINT8, MessageFormat.UINT8,
        MessageFormat.UINT16, MessageFormat.UINT16, MessageFormat.UINT32, MessageFormat.UINT32
      };
      for (int i = 0; i < values.length; i++) {
        assertThat(in.getNextFormat()).as("%d", values[i]).isEqualTo(formats[i]);
        assertThat(in.unpackInt()).isEqualTo(values[i]);
      }
    }
    assertThatIllegalArgumentException()
        .isThrownBy(() -> out.uint32(-1))
        .withMessageContaining("-1");
  }

  @Test
  void append_copiesTheOtherOutputsBytes() {
    MsgPackOutput other = new MsgPackOutput();
    other.string("x".repeat(2000));
    out.nil();

    out.append(other);

    assertThat(out.size()).isEqualTo(1 + other.size());
    assertThat(java.util.Arrays.copyOfRange(out.toByteArray(), 1, out.size()))
        .isEqualTo(other.toByteArray());
  }
}
