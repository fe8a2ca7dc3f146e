package dev.tracehouse.intake.datadog;

/**
 * The four strings last read in each context of a span, in one body: where their bytes are and the
 * {@link String}s made for them. A context predicts a string: the field it is read for (the
 * service, the name, ...), the key a meta value belongs to, or the key read before a meta or
 * metrics key. Spans of one payload mostly repeat a key's value (env, version, the process tags) or
 * take a few (a client span's service and its server's, the components of a few kinds of span), and
 * send the keys of one kind of span in the same order, so comparing the bytes with the four last
 * read in the same context (recently read, so still in the CPU cache) finds the string without
 * hashing them or looking in the shared {@link StringCache}, which is asked only on a miss. A miss
 * replaces the oldest of the four. Contexts share a fixed table (256 slots) by a hash; a collision
 * only costs a miss, as a string is only ever handed out for bytes equal to its own. One per
 * decoded body: the table points into that body's bytes.
 */
final class RecentStrings {
  static final int SERVICE = 1;
  static final int NAME = 2;
  static final int RESOURCE = 3;
  static final int TYPE = 4;

  private static final int FIRST_META_KEY = 5;
  private static final int FIRST_METRIC_KEY = 6;
  private static final int SLOT_BITS = 8;
  private static final int WAYS = 4;

  private final StringCache shared;

  /** Slot s's strings at indexes 4s to 4s+3. */
  private final int[] offsets = new int[WAYS << SLOT_BITS];

  private final int[] lengths = new int[WAYS << SLOT_BITS];
  private final String[] texts = new String[WAYS << SLOT_BITS];

  /** Per slot, the way a miss replaces next (the oldest: ways are filled in turn). */
  private final byte[] nextWay = new byte[1 << SLOT_BITS];

  RecentStrings(StringCache shared) {
    this.shared = shared;
  }

  /** The context of a meta key read after {@code previous} (null for a map's first key). */
  static int metaKeyAfter(String previous) {
    return previous == null ? FIRST_META_KEY : previous.hashCode() * 31 + 7;
  }

  /** The context of the value of meta key {@code key}. */
  static int metaValueOf(String key) {
    return key.hashCode() * 31 + 11;
  }

  /** The context of a metrics key read after {@code previous} (null for a map's first key). */
  static int metricKeyAfter(String previous) {
    return previous == null ? FIRST_METRIC_KEY : previous.hashCode() * 31 + 13;
  }

  /** The string whose UTF-8 bytes are {@code bytes[offset .. offset+length)}, without context. */
  String get(byte[] bytes, int offset, int length) {
    return shared.get(bytes, offset, length);
  }

  /** The string whose UTF-8 bytes are {@code bytes[offset .. offset+length)}, read in a context. */
  String get(byte[] bytes, int offset, int length, int context) {
    int slot = (context * 0x9e37_79b9) >>> (32 - SLOT_BITS);
    int first = slot * WAYS;
    for (int way = first; way < first + WAYS; way++) {
      if (lengths[way] == length
          && texts[way] != null
          && StringCache.equal(bytes, offsets[way], bytes, offset, length)) {
        return texts[way];
      }
    }
    String text = shared.get(bytes, offset, length);
    int way = first + nextWay[slot];
    nextWay[slot] = (byte) ((nextWay[slot] + 1) & (WAYS - 1));
    texts[way] = text;
    offsets[way] = offset;
    lengths[way] = length;
    return text;
  }
}
