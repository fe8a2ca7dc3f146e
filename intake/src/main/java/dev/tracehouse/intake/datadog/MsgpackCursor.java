package dev.tracehouse.intake.datadog;

import dev.tracehouse.intake.MalformedPayloadException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msgpack.value.ValueType;

/**
 * Lenient typed reads over one msgpack body: every width of int, str, array and map is accepted,
 * nil reads as the empty value, and headers that claim more elements or bytes than the body still
 * holds fail at once instead of allocating. Errors name the chunk, span and field being read and
 * carry the byte offset. Reads straight from the body's bytes ({@link MsgpackBytes}); short strings
 * come from the shared {@link StringCache}.
 */
final class MsgpackCursor {
  private static final StringCache STRINGS = new StringCache(4096, 64);
  private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

  private final MsgpackBytes in;
  private final RecentStrings recent = new RecentStrings(STRINGS);
  private int chunk = -1;
  private int span = -1;
  private String field;
  private String key;

  MsgpackCursor(ByteBuffer body) {
    this.in = new MsgpackBytes(body, this::error);
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

  boolean atEnd() {
    return in.atEnd();
  }

  /** The array holding the body; {@link #position} and {@link #end} index into it. */
  byte[] bytes() {
    return in.bytes();
  }

  /** Where the next value starts in {@link #bytes}. */
  int position() {
    return in.position();
  }

  /** Where the body ends in {@link #bytes}. */
  int end() {
    return in.end();
  }

  /** Skips {@code count} bytes known to hold complete values. */
  void skipBytes(int count) {
    in.skipBytes(count);
  }

  MalformedPayloadException error(String problem) {
    return new MalformedPayloadException(where() + ": " + problem, in.offset());
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
  int arrayHeader() {
    expect(in.next(), ValueType.ARRAY, "an array");
    return in.arrayLength();
  }

  /** A map header; nil is not accepted. */
  int mapHeader() {
    expect(in.next(), ValueType.MAP, "a map");
    return in.mapLength();
  }

  /** A map header; nil reads as an empty map. */
  int mapHeaderOrNil() {
    if (in.next() == ValueType.NIL) {
      in.skipByte();
      return 0;
    }
    return mapHeader();
  }

  /** A str (or bin, read as UTF-8); nil reads as {@code ""}. */
  String string() {
    int size = stringLength();
    if (size < 0) {
      return "";
    }
    String text = recent.get(in.bytes(), in.position(), size);
    in.skipBytes(size);
    return text;
  }

  /**
   * A str (or bin, read as UTF-8) read in a context of a span ({@link RecentStrings}); nil reads as
   * {@code ""}.
   */
  String string(int context) {
    int size = stringLength();
    if (size < 0) {
      return "";
    }
    String text = recent.get(in.bytes(), in.position(), size, context);
    in.skipBytes(size);
    return text;
  }

  /**
   * The string of the {@code length} bytes at {@link #position} (after {@link #stringLength}; -1
   * reads as {@code ""}), read in a context ({@link RecentStrings}), and consumed.
   */
  String stringBody(int length, int context) {
    if (length < 0) {
      return "";
    }
    String text = recent.get(in.bytes(), in.position(), length, context);
    in.skipBytes(length);
    return text;
  }

  /** Skips the {@code length} bytes of a string after {@link #stringLength} (-1: nil, nothing). */
  void skipString(int length) {
    if (length > 0) {
      in.skipBytes(length);
    }
  }

  /**
   * The byte length of the str or bin that starts next, its header consumed, so that its bytes
   * start at {@link #position}; -1 for nil. Read it with {@link #stringBody} or {@link
   * #skipString}.
   */
  int stringLength() {
    int size = in.fixStringLength();
    if (size >= 0) {
      return size;
    }
    ValueType type = in.next();
    if (type == ValueType.NIL) {
      in.skipByte();
      return -1;
    }
    if (type != ValueType.STRING && type != ValueType.BINARY) {
      throw error("expected a string, got " + MsgpackBytes.describe(type));
    }
    return in.payloadLength();
  }

  /**
   * The next value as a known span key, consumed; null, with nothing consumed, when it is not a str
   * (or bin) holding one of the {@link SpanKey}s.
   */
  SpanKey spanKey() {
    int start = in.position();
    int size = in.fixStringLength();
    if (size < 0) {
      ValueType type = in.next();
      if (type != ValueType.STRING && type != ValueType.BINARY) {
        return null;
      }
      size = in.payloadLength();
    }
    SpanKey key = SpanKey.match(in.bytes(), in.position(), size);
    if (key == null) {
      in.rewind(start);
    } else {
      in.skipBytes(size);
    }
    return key;
  }

  /** An integer as unsigned 64-bit bits (values >= 2^63 come back negative); nil reads as 0. */
  long uint64() {
    int b = in.peek();
    if (b >= 0 && b <= 0x7f) {
      in.skipByte();
      return b;
    }
    ValueType type = in.next();
    if (type == ValueType.NIL) {
      in.skipByte();
      return 0;
    }
    expect(type, ValueType.INTEGER, "an integer");
    return in.integerBits();
  }

  /** An integer or a float truncated to a long (clients send nanosecond times both ways). */
  long int64() {
    ValueType type = in.next();
    if (type == ValueType.FLOAT) {
      return (long) in.floatValue();
    }
    if (type == ValueType.NIL || type == ValueType.INTEGER) {
      return uint64();
    }
    throw error("expected an integer, got " + MsgpackBytes.describe(type));
  }

  /** Any integer width or float; nil reads as 0. */
  double number() {
    int b = in.peek();
    if (b >= 0 && b <= 0x7f) {
      in.skipByte();
      return b;
    }
    ValueType type = in.next();
    switch (type) {
      case NIL:
        in.skipByte();
        return 0;
      case FLOAT:
        return in.floatValue();
      case INTEGER:
        boolean unsigned64 = in.nextIsUint64();
        long bits = in.integerBits();
        return unsigned64 && bits < 0 ? unsignedToDouble(bits) : bits;
      default:
        throw error("expected a number, got " + MsgpackBytes.describe(type));
    }
  }

  /** A flag sent as an integer (non-zero = true) or a boolean; nil reads as false. */
  boolean flag() {
    ValueType type = in.next();
    if (type == ValueType.BOOLEAN) {
      return in.booleanValue();
    }
    if (type == ValueType.NIL || type == ValueType.INTEGER) {
      return uint64() != 0;
    }
    throw error("expected an integer, got " + MsgpackBytes.describe(type));
  }

  /**
   * An index into a table of {@code size} entries (the v0.5 string table): any integer width, but
   * not nil, negative or out of range.
   */
  int index(int size) {
    expect(in.next(), ValueType.INTEGER, "a string table index");
    long index = in.integerBits();
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
  Object value(int maxDepth) {
    ValueType type = in.next();
    switch (type) {
      case NIL:
        in.skipByte();
        return null;
      case BOOLEAN:
        return in.booleanValue();
      case INTEGER:
        boolean unsigned64 = in.nextIsUint64();
        long bits = in.integerBits();
        return unsigned64 && bits < 0 ? BigInteger.valueOf(bits).add(TWO_TO_64) : (Object) bits;
      case FLOAT:
        return in.floatValue();
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
        throw error("expected a plain value, got " + MsgpackBytes.describe(type));
    }
  }

  private List<Object> list(int maxDepth) {
    int size = in.arrayLength();
    List<Object> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(value(maxDepth));
    }
    return list;
  }

  private Map<Object, Object> map(int maxDepth) {
    int size = in.mapLength();
    Map<Object, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      Object key = value(maxDepth);
      map.put(key, value(maxDepth));
    }
    return map;
  }

  /** Skips one value of any type, nested ones included, without materialising it. */
  void skip() {
    long pending = 1;
    while (pending > 0) {
      pending--;
      switch (in.next()) {
        case ARRAY -> pending += in.arrayLength();
        case MAP -> pending += 2L * in.mapLength();
        case STRING, BINARY, EXTENSION -> in.skipBytes(in.payloadLength());
        case INTEGER -> in.integerBits();
        case FLOAT -> in.floatValue();
        default -> in.skipByte();
      }
    }
  }

  private void expect(ValueType actual, ValueType wanted, String name) {
    if (actual != wanted) {
      throw error("expected " + name + ", got " + MsgpackBytes.describe(actual));
    }
  }

  private static double unsignedToDouble(long bits) {
    return (double) (bits >>> 1) * 2.0 + (bits & 1);
  }
}
