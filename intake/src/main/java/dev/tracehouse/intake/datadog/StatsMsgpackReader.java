package dev.tracehouse.intake.datadog;

import dev.tracehouse.intake.MalformedPayloadException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * Typed reads over a {@code /v0.6/stats} msgpack body for {@link DatadogStatsV06Decoder}: like
 * {@link MsgpackCursor} (any width, nil reads as the empty value, headers checked against the bytes
 * left) plus raw {@code bin} values, which the stats sketches need byte for byte. Errors name the
 * path being read ({@code Stats[0].Stats[2].Hits}) and carry the byte offset.
 */
final class StatsMsgpackReader {
  private final MessageUnpacker unpacker;
  private final long length;
  private String path = "payload";

  StatsMsgpackReader(ByteBuffer body) {
    this.length = body.remaining();
    this.unpacker = MessagePack.newDefaultUnpacker(body);
  }

  /** Error messages from now on name this path. */
  void at(String path) {
    this.path = path;
  }

  long offset() {
    return unpacker.getTotalReadBytes();
  }

  boolean atEnd() throws IOException {
    return !unpacker.hasNext();
  }

  MalformedPayloadException error(String problem) {
    return error(problem, null);
  }

  MalformedPayloadException error(String problem, Throwable cause) {
    return new MalformedPayloadException(path + ": " + problem, offset(), cause);
  }

  /** A map header; nil is not accepted. */
  int mapHeader() throws IOException {
    expect(next(), ValueType.MAP, "a map");
    return checkCount(unpacker.unpackMapHeader(), 2);
  }

  /** An array header; nil reads as an empty array. */
  int arrayHeaderOrNil() throws IOException {
    ValueType type = next();
    if (type == ValueType.NIL) {
      unpacker.unpackNil();
      return 0;
    }
    expect(type, ValueType.ARRAY, "an array");
    return checkCount(unpacker.unpackArrayHeader(), 1);
  }

  /** A str (or bin, read as UTF-8); nil reads as {@code ""}. */
  String string() throws IOException {
    return new String(payload("a string"), StandardCharsets.UTF_8);
  }

  /** The raw bytes of a bin (or str); nil reads as no bytes. */
  byte[] binary() throws IOException {
    return payload("binary data");
  }

  /** A non-negative integer below 2^63 (floats are truncated); nil reads as 0. */
  long unsigned() throws IOException {
    ValueType type = next();
    if (type == ValueType.INTEGER) {
      if (unpacker.getNextFormat() == MessageFormat.UINT64) {
        BigInteger big = unpacker.unpackBigInteger();
        if (big.bitLength() > 63) {
          throw error("expected a non-negative integer below 2^63, got " + big);
        }
        return big.longValue();
      }
      long value = unpacker.unpackLong();
      if (value < 0) {
        throw error("expected a non-negative integer, got " + value);
      }
      return value;
    }
    double value = number();
    if (!(value >= 0) || value >= 0x1p63) {
      throw error("expected a non-negative integer below 2^63, got " + value);
    }
    return (long) value;
  }

  /** Any integer width or float, finite; nil reads as 0. */
  double number() throws IOException {
    ValueType type = next();
    double value;
    switch (type) {
      case NIL -> {
        unpacker.unpackNil();
        value = 0;
      }
      case FLOAT -> value = unpacker.unpackDouble();
      case INTEGER -> {
        value =
            unpacker.getNextFormat() == MessageFormat.UINT64
                ? unpacker.unpackBigInteger().doubleValue()
                : unpacker.unpackLong();
      }
      default -> throw error("expected a number, got " + describe(type));
    }
    if (!Double.isFinite(value)) {
      throw error("expected a finite number, got " + value);
    }
    return value;
  }

  /** A boolean, or an integer (non-zero = true); nil reads as false. */
  boolean flag() throws IOException {
    if (next() == ValueType.BOOLEAN) {
      return unpacker.unpackBoolean();
    }
    return number() != 0;
  }

  /** Skips one value of any type, nested ones included, without materialising it. */
  void skip() throws IOException {
    long pending = 1;
    while (pending > 0) {
      pending--;
      ValueType type = next();
      switch (type) {
        case ARRAY -> pending += checkCount(unpacker.unpackArrayHeader(), 1);
        case MAP -> pending += 2L * checkCount(unpacker.unpackMapHeader(), 2);
        case STRING, BINARY -> unpacker.readPayloadAsReference(payloadSize(type));
        case EXTENSION -> unpacker.readPayloadAsReference(payloadSize(type));
        default -> unpacker.skipValue();
      }
    }
  }

  private byte[] payload(String what) throws IOException {
    ValueType type = next();
    if (type == ValueType.NIL) {
      unpacker.unpackNil();
      return new byte[0];
    }
    if (type != ValueType.STRING && type != ValueType.BINARY) {
      throw error("expected " + what + ", got " + describe(type));
    }
    return unpacker.readPayload(payloadSize(type));
  }

  private int payloadSize(ValueType type) throws IOException {
    int size =
        switch (type) {
          case STRING -> unpacker.unpackRawStringHeader();
          case BINARY -> unpacker.unpackBinaryHeader();
          default -> unpacker.unpackExtensionTypeHeader().getLength();
        };
    long remaining = length - offset();
    if (size < 0 || size > remaining) {
      throw error(
          "length "
              + Integer.toUnsignedString(size)
              + " exceeds the "
              + remaining
              + " bytes that remain");
    }
    return size;
  }

  private ValueType next() throws IOException {
    if (!unpacker.hasNext()) {
      throw error("unexpected end of payload");
    }
    MessageFormat format = unpacker.getNextFormat();
    if (format == MessageFormat.NEVER_USED) {
      throw error("invalid msgpack type byte 0xc1");
    }
    return format.getValueType();
  }

  private void expect(ValueType actual, ValueType wanted, String name) {
    if (actual != wanted) {
      throw error("expected " + name + ", got " + describe(actual));
    }
  }

  private int checkCount(int count, int minBytesPerElement) {
    long remaining = length - offset();
    if (count < 0 || (long) count * minBytesPerElement > remaining) {
      throw error(
          "header claims "
              + Integer.toUnsignedString(count)
              + " elements but only "
              + remaining
              + " bytes remain (truncated or corrupt)");
    }
    return count;
  }

  private static String describe(ValueType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }
}
