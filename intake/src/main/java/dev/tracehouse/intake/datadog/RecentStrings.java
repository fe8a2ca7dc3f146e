package dev.tracehouse.intake.datadog;

/**
 * The string last read at each place of a span (its service, its third meta key, ...) in one body:
 * where its bytes are and the {@link String} made for them. Spans of one payload mostly repeat
 * their keys in the same order and many of their values, so comparing the bytes with those last
 * read at the same place (recently read, so still in the CPU cache) finds the string without
 * hashing them or looking in the shared {@link StringCache}, which is asked only on a miss. One per
 * decoded body: the places point into that body's bytes.
 */
final class RecentStrings {
  /** A string read outside any place: always looked up in the shared cache. */
  static final int NONE = -1;

  static final int SERVICE = 0;
  static final int NAME = 1;
  static final int RESOURCE = 2;
  static final int TYPE = 3;

  /** Entries of each meta or metrics map that get places of their own. */
  private static final int ENTRIES = 16;

  private static final int META = 4;
  private static final int METRICS = META + 2 * ENTRIES;
  private static final int PLACES = METRICS + ENTRIES;

  private final StringCache shared;
  private final int[] offsets = new int[PLACES];
  private final int[] lengths = new int[PLACES];
  private final String[] texts = new String[PLACES];

  RecentStrings(StringCache shared) {
    this.shared = shared;
  }

  /** The place of the {@code index}-th meta key of a span. */
  static int metaKey(int index) {
    return index < ENTRIES ? META + 2 * index : NONE;
  }

  /** The place of the {@code index}-th meta value of a span. */
  static int metaValue(int index) {
    return index < ENTRIES ? META + 2 * index + 1 : NONE;
  }

  /** The place of the {@code index}-th metrics key of a span. */
  static int metricKey(int index) {
    return index < ENTRIES ? METRICS + index : NONE;
  }

  /** The string whose UTF-8 bytes are {@code bytes[offset .. offset+length)}, read at a place. */
  String get(byte[] bytes, int offset, int length, int place) {
    if (place == NONE) {
      return shared.get(bytes, offset, length);
    }
    String text = texts[place];
    int previous = offsets[place];
    if (text != null
        && lengths[place] == length
        && StringCache.equal(bytes, previous, bytes, offset, length)) {
      return text;
    }
    text = shared.get(bytes, offset, length);
    texts[place] = text;
    offsets[place] = offset;
    lengths[place] = length;
    return text;
  }
}
