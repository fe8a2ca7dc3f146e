package dev.tracehouse.intake.datadog;

import dev.tracehouse.intake.MalformedPayloadException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.function.Function;
import org.msgpack.core.MessageFormat;
import org.msgpack.value.ValueType;

/**
 * The msgpack wire format over one body's bytes, without copying them: type bytes, headers of every
 * width and fixed-size scalars. Every read checks the bytes that remain: a truncated value, a
 * length over 2^31-1 or a header claiming more elements or bytes than remain fails with the offset
 * reached, through the owner's error factory.
 */
final class MsgpackBytes {
  private static final ValueType[] TYPES = new ValueType[256];
  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  static {
    for (int b = 0; b < 256; b++) {
      MessageFormat format = MessageFormat.valueOf((byte) b);
      TYPES[b] = format == MessageFormat.NEVER_USED ? null : format.getValueType();
    }
  }

  private final byte[] bytes;
  private final int start;
  private final int end;
  private final Function<String, MalformedPayloadException> error;
  private int position;

  /** Reads {@code body} from its position to its limit (copied once if it has no array). */
  MsgpackBytes(ByteBuffer body, Function<String, MalformedPayloadException> error) {
    if (body.hasArray()) {
      bytes = body.array();
      start = body.arrayOffset() + body.position();
    } else {
      bytes = new byte[body.remaining()];
      body.duplicate().get(bytes);
      start = 0;
    }
    end = start + body.remaining();
    position = start;
    this.error = error;
  }

  /** Bytes read so far. */
  long offset() {
    return position - start;
  }

  boolean atEnd() {
    return position >= end;
  }

  /** The array {@link #position} indexes into. */
  byte[] bytes() {
    return bytes;
  }

  int position() {
    return position;
  }

  /** Where the body's bytes end in {@link #bytes}. */
  int end() {
    return end;
  }

  /** The type of the next value, which is not consumed. */
  ValueType next() {
    if (position >= end) {
      throw error.apply("unexpected end of payload");
    }
    ValueType type = TYPES[bytes[position] & 0xff];
    if (type == null) {
      throw error.apply("invalid msgpack type byte 0xc1");
    }
    return type;
  }

  /** The next byte, not consumed, or -1 at the end. */
  int peek() {
    return position < end ? bytes[position] & 0xff : -1;
  }

  /**
   * The length of the next value when it is a fixstr (a str of at most 31 bytes with a one-byte
   * header) whose bytes all remain, its header consumed; otherwise -1 and nothing consumed. The
   * fast path for the short strings that make up most of a span.
   */
  int fixStringLength() {
    int b = peek();
    if ((b & 0xe0) == 0xa0 && (b & 0x1f) < end - position) {
      position++;
      return b & 0x1f;
    }
    return -1;
  }

  /** Whether the next value is a uint 64 (whose bits may stand for a value from 2^63). */
  boolean nextIsUint64() {
    return bytes[position] == (byte) 0xcf;
  }

  /** Consumes a one-byte value (nil, a boolean) or a checked payload. */
  void skipByte() {
    position++;
  }

  void skipBytes(int count) {
    position += count;
  }

  /** Goes back to a {@link #position} read before, to read the value there again. */
  void rewind(int earlier) {
    position = earlier;
  }

  boolean booleanValue() {
    return bytes[position++] == (byte) 0xc3;
  }

  /** An array header's element count, checked against the bytes that remain. */
  int arrayLength() {
    int b = bytes[position++] & 0xff;
    int count = b <= 0x9f ? b & 0x0f : b == 0xdc ? u16() : length32();
    return checkCount(count, 1);
  }

  /** A map header's entry count, checked against the bytes that remain. */
  int mapLength() {
    int b = bytes[position++] & 0xff;
    int count = b <= 0x8f ? b & 0x0f : b == 0xde ? u16() : length32();
    return checkCount(count, 2);
  }

  /** A str, bin or ext header's payload size, checked against the bytes that remain. */
  int payloadLength() {
    int b = bytes[position++] & 0xff;
    int size;
    if (b >= 0xa0 && b <= 0xbf) {
      size = b & 0x1f;
    } else if (b >= 0xd4 && b <= 0xd8) {
      size = 1 << (b - 0xd4);
      need(1);
      position++;
    } else {
      size =
          switch (b) {
            case 0xd9, 0xc4, 0xc7 -> u8();
            case 0xda, 0xc5, 0xc8 -> u16();
            default -> length32();
          };
      if (b >= 0xc7 && b <= 0xc9) {
        need(1);
        position++;
      }
    }
    long remaining = end - position;
    if (size > remaining) {
      throw error.apply("length " + size + " exceeds the " + remaining + " bytes that remain");
    }
    return size;
  }

  /** Any integer as its 64 bits (a uint 64 from 2^63 comes back negative). */
  long integerBits() {
    int b = bytes[position++] & 0xff;
    if (b <= 0x7f || b >= 0xe0) {
      return (byte) b;
    }
    return switch (b) {
      case 0xcc -> u8();
      case 0xcd -> u16();
      case 0xce -> i32() & 0xffff_ffffL;
      case 0xd0 -> (byte) u8();
      case 0xd1 -> (short) u16();
      case 0xd2 -> i32();
      default -> i64();
    };
  }

  /** A float 32 or float 64. */
  double floatValue() {
    return bytes[position++] == (byte) 0xca
        ? Float.intBitsToFloat(i32())
        : Double.longBitsToDouble(i64());
  }

  private int u8() {
    need(1);
    return bytes[position++] & 0xff;
  }

  private int u16() {
    need(2);
    int value = (short) SHORT.get(bytes, position) & 0xffff;
    position += 2;
    return value;
  }

  private int i32() {
    need(4);
    int value = (int) INT.get(bytes, position);
    position += 4;
    return value;
  }

  private long i64() {
    need(8);
    long value = (long) LONG.get(bytes, position);
    position += 8;
    return value;
  }

  private int length32() {
    int length = i32();
    if (length < 0) {
      throw error.apply("length header over 2^31-1 elements or bytes");
    }
    return length;
  }

  private void need(int count) {
    if (end - position < count) {
      throw error.apply("unexpected end of payload");
    }
  }

  private int checkCount(int count, int minBytesPerElement) {
    long remaining = end - position;
    if ((long) count * minBytesPerElement > remaining) {
      throw error.apply(
          "header claims "
              + count
              + " elements but only "
              + remaining
              + " bytes remain (truncated or corrupt)");
    }
    return count;
  }

  static String describe(ValueType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }
}
