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
 * short keys, the rest masked off) and its last 8 bytes. The two words pick the one candidate from
 * a small table whose multiplier is chosen when the class loads so that no two keys share a slot:
 * one load and one compare per key, without a loop over the keys of the same length (whose order
 * varies from key to key and defeated branch prediction).
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

  /** log2 of the slots of {@link #BY_WORDS}. */
  private static final int SLOT_BITS = 6;

  /** The multiplier that gives every key its own slot of {@link #BY_WORDS}. */
  private static final long MULTIPLIER;

  /** The keys by {@link #slot} of their words. */
  private static final SpanKey[] BY_WORDS = new SpanKey[1 << SLOT_BITS];

  static {
    for (int length = 0; length <= LONGEST; length++) {
      int size = length;
      BY_LENGTH[length] =
          Arrays.stream(values()).filter(k -> k.utf8.length == size).toArray(SpanKey[]::new);
    }
    MULTIPLIER = collisionFreeMultiplier();
    for (SpanKey key : values()) {
      BY_WORDS[slot(key.head, key.tail, MULTIPLIER)] = key;
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
    if (offset + 8 > bytes.length) {
      return slowMatch(BY_LENGTH[length], bytes, offset);
    }
    long head = head(bytes, offset, length);
    long tail = tail(bytes, offset, length);
    SpanKey key = BY_WORDS[slot(head, tail, MULTIPLIER)];
    return key != null && key.head == head && key.tail == tail && key.utf8.length == length
        ? key
        : null;
  }

  private static int slot(long head, long tail, long multiplier) {
    return (int) (((head ^ Long.rotateLeft(tail, 29)) * multiplier) >>> (64 - SLOT_BITS));
  }

  /**
   * The first odd multiplier, in a fixed sequence, for which the keys' slots all differ (with 14
   * keys in 64 slots about one candidate in four qualifies).
   */
  private static long collisionFreeMultiplier() {
    long candidate = 0x9e37_79b9_7f4a_7c15L;
    for (int attempt = 0; attempt < 10_000; attempt++) {
      candidate = candidate * 6_364_136_223_846_793_005L + 1_442_695_040_888_963_407L;
      long multiplier = candidate | 1;
      long used = 0;
      boolean distinct = true;
      for (SpanKey key : values()) {
        long bit = 1L << slot(key.head, key.tail, multiplier);
        distinct &= (used & bit) == 0;
        used |= bit;
      }
      if (distinct) {
        return multiplier;
      }
    }
    throw new IllegalStateException("no collision-free multiplier for the span keys");
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
