package dev.tracehouse.tracer.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
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
}
