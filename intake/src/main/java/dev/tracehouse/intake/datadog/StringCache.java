package dev.tracehouse.intake.datadog;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes UTF-8 strings, handing out one shared {@link String} for short byte sequences seen
 * before: span keys, meta keys, service and operation names repeat in every span. A fixed table of
 * slots indexed by a hash of the bytes, where a newcomer replaces whatever held its slot, keeps the
 * memory bounded whatever the traffic. A string is admitted on its second sighting in a row at its
 * slot (the slot remembers the hash of the last miss): values seen once (URLs with ids, thread ids)
 * then cost no entry and evict nothing. Safe to share between threads without locks: slots hold
 * immutable entries, and a lost update only costs a later miss.
 */
final class StringCache {
  private record Entry(byte[] utf8, String text) {}

  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long MIX = 0x9e37_79b9_7f4a_7c15L;

  private final Entry[] slots;

  /** The hash of the last string that missed at each slot. */
  private final int[] missed;

  private final int maxLength;

  /**
   * @param slots the number of slots, a power of two
   * @param maxLength longer strings are decoded every time and never cached
   */
  StringCache(int slots, int maxLength) {
    if (Integer.bitCount(slots) != 1) {
      throw new IllegalArgumentException("slots must be a power of two, got " + slots);
    }
    this.slots = new Entry[slots];
    this.missed = new int[slots];
    this.maxLength = maxLength;
  }

  /** The string whose UTF-8 bytes are {@code bytes[offset .. offset+length)}. */
  String get(byte[] bytes, int offset, int length) {
    if (length == 0) {
      return "";
    }
    if (length > maxLength) {
      return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }
    int hash = hash(bytes, offset, length);
    int slot = hash & (slots.length - 1);
    Entry entry = slots[slot];
    if (entry != null && same(entry.utf8, bytes, offset, length)) {
      return entry.text;
    }
    String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
    if (missed[slot] == hash) {
      slots[slot] = new Entry(Arrays.copyOfRange(bytes, offset, offset + length), text);
    } else {
      missed[slot] = hash;
    }
    return text;
  }

  /** Hashes 8 bytes at a time; the last word may overlap the one before it. */
  private static int hash(byte[] bytes, int offset, int length) {
    long hash = length;
    int end = offset + length;
    if (length >= 8) {
      for (int i = offset; i < end - 8; i += 8) {
        hash = (hash + (long) LONG.get(bytes, i)) * MIX;
      }
      hash = (hash + (long) LONG.get(bytes, end - 8)) * MIX;
    } else if (length >= 4) {
      long words =
          ((long) (int) INT.get(bytes, offset) << 32)
              | ((int) INT.get(bytes, end - 4) & 0xffff_ffffL);
      hash = (hash + words) * MIX;
    } else {
      for (int i = offset; i < end; i++) {
        hash = (hash + bytes[i]) * MIX;
      }
    }
    return (int) (hash >>> 32);
  }

  /** Whether {@code cached} holds exactly {@code bytes[offset .. offset+length)}. */
  private static boolean same(byte[] cached, byte[] bytes, int offset, int length) {
    return cached.length == length && equal(cached, 0, bytes, offset, length);
  }

  /**
   * Whether {@code a[aOffset .. aOffset+length)} and {@code b[bOffset .. bOffset+length)} hold the
   * same bytes, compared a word at a time (both ranges must lie inside their arrays).
   */
  static boolean equal(byte[] a, int aOffset, byte[] b, int bOffset, int length) {
    if (length < 4) {
      for (int i = 0; i < length; i++) {
        if (a[aOffset + i] != b[bOffset + i]) {
          return false;
        }
      }
      return true;
    }
    if (length < 8) {
      return (int) INT.get(a, aOffset) == (int) INT.get(b, bOffset)
          && (int) INT.get(a, aOffset + length - 4) == (int) INT.get(b, bOffset + length - 4);
    }
    for (int i = 0; i < length - 8; i += 8) {
      if ((long) LONG.get(a, aOffset + i) != (long) LONG.get(b, bOffset + i)) {
        return false;
      }
    }
    return (long) LONG.get(a, aOffset + length - 8) == (long) LONG.get(b, bOffset + length - 8);
  }
}
