package dev.tracehouse.intake.datadog;

import dev.tracehouse.intake.MalformedPayloadException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * Lenient typed reads over one msgpack body: every width of int, str, array and map is accepted,
 * nil reads as the empty value, and headers that claim more elements or bytes than the body still
 * holds fail at once instead of allocating. Errors name the chunk, span and field being read and
 * carry the byte offset.
 */
final class MsgpackCursor {
  private final MessageUnpacker unpacker;
  private final long length;
  private int chunk = -1;
  private int span = -1;
  private String field;
  private String key;

  MsgpackCursor(ByteBuffer body) {
    this.length = body.remaining();
    this.unpacker = MessagePack.newDefaultUnpacker(body);
  }

  /** Error messages from now on name this chunk and span (-1 = none). */
  void atSpan(int chunk, int span) {
    this.chunk = chunk;
    this.span = span;
    this.field = null;
    this.key = null;
  }

  /** Error messages from now on name this span field. */
  void atField(String field) {
    this.field = field;
    this.key = null;
  }

  /** Error messages from now on name this key of a map field. */
  void atKey(String key) {
    this.key = key;
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
    return new MalformedPayloadException(where() + ": " + problem, offset(), cause);
  }

  private String where() {
    StringBuilder text = new StringBuilder();
    if (chunk >= 0) {
      text.append("chunk ").append(chunk);
    }
    if (span >= 0) {
      text.append(" span ").append(span);
    }
    if (field != null) {
      text.append(" field '").append(field).append('\'');
    }
    if (key != null) {
      text.append(" key '").append(key).append('\'');
    }
    return text.length() == 0 ? "payload" : text.toString().trim();
  }

  /** An array header; nil is not accepted because every array here is required. */
  int arrayHeader() throws IOException {
    expect(next(), ValueType.ARRAY, "an array");
    return checkCount(unpacker.unpackArrayHeader(), 1);
  }

  /** A map header; nil is not accepted. */
  int mapHeader() throws IOException {
    expect(next(), ValueType.MAP, "a map");
    return checkCount(unpacker.unpackMapHeader(), 2);
  }

  /** A map header; nil reads as an empty map. */
  int mapHeaderOrNil() throws IOException {
    if (next() == ValueType.NIL) {
      unpacker.unpackNil();
      return 0;
    }
    return mapHeader();
  }

  /** A str (or bin, read as UTF-8); nil reads as {@code ""}. */
  String string() throws IOException {
    ValueType type = next();
    if (type == ValueType.NIL) {
      unpacker.unpackNil();
      return "";
    }
    if (type != ValueType.STRING && type != ValueType.BINARY) {
      throw error("expected a string, got " + describe(type));
    }
    return new String(unpacker.readPayload(payloadSize(type)), StandardCharsets.UTF_8);
  }

  /** An integer as unsigned 64-bit bits (values >= 2^63 come back negative); nil reads as 0. */
  long uint64() throws IOException {
    ValueType type = next();
    if (type == ValueType.NIL) {
      unpacker.unpackNil();
      return 0;
    }
    expect(type, ValueType.INTEGER, "an integer");
    return integerBits();
  }

  /** An integer or a float truncated to a long (clients send nanosecond times both ways). */
  long int64() throws IOException {
    ValueType type = next();
    if (type == ValueType.FLOAT) {
      return (long) unpacker.unpackDouble();
    }
    if (type == ValueType.NIL || type == ValueType.INTEGER) {
      return uint64();
    }
    throw error("expected an integer, got " + describe(type));
  }

  /** Any integer width or float; nil reads as 0. */
  double number() throws IOException {
    ValueType type = next();
    switch (type) {
      case NIL:
        unpacker.unpackNil();
        return 0;
      case FLOAT:
        return unpacker.unpackDouble();
      case INTEGER:
        boolean unsigned64 = unpacker.getNextFormat() == MessageFormat.UINT64;
        long bits = integerBits();
        return unsigned64 && bits < 0 ? unsignedToDouble(bits) : bits;
      default:
        throw error("expected a number, got " + describe(type));
    }
  }

  /** A flag sent as an integer (non-zero = true) or a boolean; nil reads as false. */
  boolean flag() throws IOException {
    ValueType type = next();
    if (type == ValueType.BOOLEAN) {
      return unpacker.unpackBoolean();
    }
    if (type == ValueType.NIL || type == ValueType.INTEGER) {
      return uint64() != 0;
    }
    throw error("expected an integer, got " + describe(type));
  }

  /**
   * An index into a table of {@code size} entries (the v0.5 string table): any integer width, but
   * not nil, negative or out of range.
   */
  int index(int size) throws IOException {
    ValueType type = next();
    expect(type, ValueType.INTEGER, "a string table index");
    long index = integerBits();
    if (index < 0 || index >= size) {
      throw error(
          "string table index "
              + Long.toUnsignedString(index)
              + " is out of range (the table has "
              + size
              + " entries)");
    }
    return (int) index;
  }

  /**
   * Any value as a plain tree: {@link Map} (keys in wire order), {@link List}, {@link String} (str
   * or bin), {@link Long} ({@link BigInteger} for uint64 values from 2^63), {@link Double}, {@link
   * Boolean} or null. Containers may nest at most {@code maxDepth} levels.
   */
  Object value(int maxDepth) throws IOException {
    ValueType type = next();
    switch (type) {
      case NIL:
        unpacker.unpackNil();
        return null;
      case BOOLEAN:
        return unpacker.unpackBoolean();
      case INTEGER:
        if (unpacker.getNextFormat() == MessageFormat.UINT64) {
          BigInteger value = unpacker.unpackBigInteger();
          return value.bitLength() < 64 ? (Object) value.longValue() : value;
        }
        return unpacker.unpackLong();
      case FLOAT:
        return unpacker.unpackDouble();
      case STRING:
      case BINARY:
        return string();
      case ARRAY:
      case MAP:
        if (maxDepth <= 0) {
          throw error("value nested too deeply");
        }
        return type == ValueType.ARRAY ? list(maxDepth - 1) : map(maxDepth - 1);
      default:
        throw error("expected a plain value, got " + describe(type));
    }
  }

  private List<Object> list(int maxDepth) throws IOException {
    int size = checkCount(unpacker.unpackArrayHeader(), 1);
    List<Object> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(value(maxDepth));
    }
    return list;
  }

  private Map<Object, Object> map(int maxDepth) throws IOException {
    int size = checkCount(unpacker.unpackMapHeader(), 2);
    Map<Object, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      Object key = value(maxDepth);
      map.put(key, value(maxDepth));
    }
    return map;
  }

  /** Skips one value of any type, nested ones included, without materialising it. */
  void skip() throws IOException {
    long pending = 1;
    while (pending > 0) {
      pending--;
      ValueType type = next();
      switch (type) {
        case ARRAY:
          pending += checkCount(unpacker.unpackArrayHeader(), 1);
          break;
        case MAP:
          pending += 2L * checkCount(unpacker.unpackMapHeader(), 2);
          break;
        case STRING:
        case BINARY:
        case EXTENSION:
          unpacker.readPayloadAsReference(payloadSize(type));
          break;
        default:
          unpacker.skipValue();
      }
    }
  }

  /** Reads a str, bin or ext header and checks that its payload fits in the body. */
  private int payloadSize(ValueType type) throws IOException {
    int size =
        switch (type) {
          case STRING -> unpacker.unpackRawStringHeader();
          case BINARY -> unpacker.unpackBinaryHeader();
          default -> unpacker.unpackExtensionTypeHeader().getLength();
        };
    checkBytes(size);
    return size;
  }

  private long integerBits() throws IOException {
    if (unpacker.getNextFormat() == MessageFormat.UINT64) {
      return unpacker.unpackBigInteger().longValue();
    }
    return unpacker.unpackLong();
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

  private void checkBytes(int size) {
    long remaining = length - offset();
    if (size < 0 || size > remaining) {
      throw error(
          "length "
              + Integer.toUnsignedString(size)
              + " exceeds the "
              + remaining
              + " bytes that remain");
    }
  }

  private static double unsignedToDouble(long bits) {
    return (double) (bits >>> 1) * 2.0 + (bits & 1);
  }

  private static String describe(ValueType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }
}
