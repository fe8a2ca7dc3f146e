package dev.tracehouse.intake.datadog;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/** Builds {@code /v0.6/stats} test bodies with msgpack-core; every call appends one value. */
final class StatsPayloadWriter {
  private final MessageBufferPacker packer = MessagePack.newDefaultBufferPacker();

  static StatsPayloadWriter create() {
    return new StatsPayloadWriter();
  }

  StatsPayloadWriter map(int entries) {
    return run(() -> packer.packMapHeader(entries));
  }

  StatsPayloadWriter array(int entries) {
    return run(() -> packer.packArrayHeader(entries));
  }

  StatsPayloadWriter str(String value) {
    return run(() -> packer.packString(value));
  }

  StatsPayloadWriter num(long value) {
    return run(() -> packer.packLong(value));
  }

  StatsPayloadWriter dbl(double value) {
    return run(() -> packer.packDouble(value));
  }

  StatsPayloadWriter bool(boolean value) {
    return run(() -> packer.packBoolean(value));
  }

  StatsPayloadWriter nil() {
    return run(packer::packNil);
  }

  StatsPayloadWriter bin(byte[] value) {
    return run(
        () -> {
          packer.packBinaryHeader(value.length);
          packer.writePayload(value);
        });
  }

  /** A key/value pair of a map with a string key. */
  StatsPayloadWriter entry(String key, long value) {
    return str(key).num(value);
  }

  StatsPayloadWriter entry(String key, String value) {
    return str(key).str(value);
  }

  ByteBuffer toBuffer() {
    return ByteBuffer.wrap(packer.toByteArray());
  }

  /** Protobuf DDSketch bytes (sketches-java's own serializer) holding the given values. */
  static byte[] protoSketch(double... values) {
    DDSketch sketch = DDSketches.logarithmicUnboundedDense(0.01);
    for (double value : values) {
      sketch.accept(value);
    }
    ByteBuffer buffer = sketch.serialize();
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  private interface PackStep {
    void run() throws IOException;
  }

  private StatsPayloadWriter run(PackStep step) {
    try {
      step.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }
}
