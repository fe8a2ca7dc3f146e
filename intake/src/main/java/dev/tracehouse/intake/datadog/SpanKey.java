package dev.tracehouse.intake.datadog;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The keys of a v0.4 span map that the decoder reads, matched against the key's UTF-8 bytes in the
 * body so that no {@link String} is made or looked up for them (they are twelve of the thirty or so
 * strings of a typical span). A key is compared as two 64-bit words: its first 8 bytes (fewer for
 * short keys, the rest masked off) and its last 8 bytes.
 */
enum SpanKey {
  TRACE_ID("trace_id"),
  SPAN_ID("span_id"),
  PARENT_ID("parent_id"),
  SERVICE("service"),
  NAME("name"),
  RESOURCE("resource"),
  TYPE("type"),
  START("start"),
  DURATION("duration"),
  ERROR("error"),
  META("meta"),
  METRICS("metrics"),
  SPAN_LINKS("span_links"),
  SPAN_EVENTS("span_events");

  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final int LONGEST = 16;

  /** The keys by their UTF-8 length. */
  private static final SpanKey[][] BY_LENGTH = new SpanKey[LONGEST + 1][];

  static {
    for (int length = 0; length <= LONGEST; length++) {
      int size = length;
      BY_LENGTH[length] =
          Arrays.stream(values()).filter(k -> k.utf8.length == size).toArray(SpanKey[]::new);
    }
  }

  /** The key as it appears on the wire. */
  final String wire;

  private final byte[] utf8;
  private final long head;
  private final long tail;

  SpanKey(String wire) {
    this.wire = wire;
    this.utf8 = wire.getBytes(StandardCharsets.UTF_8);
    // The word reads below use static fields, which enum constants cannot use while they are made.
    this.head = littleEndian(utf8, 0, Math.min(utf8.length, 8));
    this.tail = utf8.length > 8 ? littleEndian(utf8, utf8.length - 8, 8) : 0;
  }

  private static long littleEndian(byte[] bytes, int offset, int count) {
    long word = 0;
    for (int i = count - 1; i >= 0; i--) {
      word = (word << 8) | (bytes[offset + i] & 0xff);
    }
    return word;
  }

  /**
   * The key whose UTF-8 bytes are {@code bytes[offset .. offset+length)}, or null for any other.
   */
  static SpanKey match(byte[] bytes, int offset, int length) {
    if (length > LONGEST) {
      return null;
    }
    SpanKey[] candidates = BY_LENGTH[length];
    if (offset + 8 > bytes.length) {
      return slowMatch(candidates, bytes, offset);
    }
    long head = head(bytes, offset, length);
    long tail = tail(bytes, offset, length);
    for (SpanKey key : candidates) {
      if (key.head == head && key.tail == tail) {
        return key;
      }
    }
    return null;
  }

  /** For a key within 8 bytes of the end of the array, where a word cannot be read. */
  private static SpanKey slowMatch(SpanKey[] candidates, byte[] bytes, int offset) {
    for (SpanKey key : candidates) {
      if (Arrays.equals(key.utf8, 0, key.utf8.length, bytes, offset, offset + key.utf8.length)) {
        return key;
      }
    }
    return null;
  }

  /** The first 8 bytes, or all of them (the rest masked to 0) when there are fewer. */
  private static long head(byte[] bytes, int offset, int length) {
    long word = (long) LONG.get(bytes, offset);
    return length >= 8 ? word : word & ((1L << (length << 3)) - 1);
  }

  /** The last 8 bytes when there are more than 8, else 0. */
  private static long tail(byte[] bytes, int offset, int length) {
    return length > 8 ? (long) LONG.get(bytes, offset + length - 8) : 0;
  }
}
