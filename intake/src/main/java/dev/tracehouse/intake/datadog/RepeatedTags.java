package dev.tracehouse.intake.datadog;

import java.util.Arrays;
import java.util.Map;

/**
 * One span's meta or metrics ({@link TagMapBuilder}) that can instead reuse the map of an earlier
 * span of the same body when its msgpack bytes are identical. A map value is self-delimiting, so
 * when the bytes at the next map's header equal all the bytes of the last map read whole from the
 * body, the next map is that map: one vectorised compare replaces decoding, looking up and
 * comparing every key and value (spans of one service and thread mostly repeat their tags). One per
 * decoded body, reused from span to span with {@link #clear}; the remembered region points into
 * that body's bytes.
 */
final class RepeatedTags<V> {
  /** What the current span's map was made from so far. */
  private enum Source {
    NOTHING,
    /** Entries {@link #put} while reading exactly one map, whose bytes are known. */
    ONE_REGION,
    /** The map of an earlier span, reused by {@link #replay}, or one given {@link #whole}. */
    REPLAYED,
    /** Anything else (several maps, entries from a format without regions). */
    OTHER
  }

  private final TagMapBuilder<V> builder = new TagMapBuilder<>();
  private Source source = Source.NOTHING;
  private int regionStart;
  private int regionEnd;
  private Map<String, V> replayed;

  private int lastStart = -1;
  private int lastLength;
  private Map<String, V> last;

  void clear() {
    builder.clear();
    source = Source.NOTHING;
    replayed = null;
  }

  /**
   * Reuses the last remembered map when {@code bytes[at ..)} starts with exactly its bytes and the
   * current span has no entries yet.
   *
   * @param end where the readable bytes end
   * @return the number of bytes the reused map took (to skip), or -1 when not reused
   */
  int replay(byte[] bytes, int at, int end) {
    if (source != Source.NOTHING
        || lastStart < 0
        || lastLength > end - at
        || !Arrays.equals(bytes, lastStart, lastStart + lastLength, bytes, at, at + lastLength)) {
      return -1;
    }
    source = Source.REPLAYED;
    replayed = last;
    return lastLength;
  }

  /** Whether the current span has no entries yet. */
  boolean isEmpty() {
    return source == Source.NOTHING;
  }

  /**
   * Gives the current span, which has no entries yet ({@link #isEmpty}), a map read elsewhere from
   * the whole region {@code [start, end)} of the body; it is remembered for {@link #replay} and, if
   * the span gets more entries, they are added to it.
   */
  void whole(Map<String, V> map, int start, int end) {
    source = Source.REPLAYED;
    replayed = map;
    lastStart = start;
    lastLength = end - start;
    last = map;
  }

  /** The map of the current span if it was reused by {@link #replay}, else null. */
  Map<String, V> replayed() {
    return replayed;
  }

  /** Adds an entry (a repeated key keeps the last value). */
  void put(String key, V value) {
    if (source != Source.ONE_REGION || regionEnd >= 0) {
      becomeOther();
    }
    builder.put(key, value);
  }

  /** The entries {@link #put} from now until {@link #endRegion} are one map at {@code start}. */
  void startRegion(int start) {
    if (source == Source.NOTHING) {
      source = Source.ONE_REGION;
      regionStart = start;
      regionEnd = -1;
    } else {
      becomeOther();
    }
  }

  /** The map begun by {@link #startRegion} ended before {@code end}. */
  void endRegion(int end) {
    if (source == Source.ONE_REGION && regionEnd < 0) {
      regionEnd = end;
    } else {
      becomeOther();
    }
  }

  /** From now on the map is built from entries only; a reused map's entries come first. */
  private void becomeOther() {
    if (source == Source.REPLAYED) {
      replayed.forEach(builder::put);
      replayed = null;
    }
    source = Source.OTHER;
  }

  /** The current span's map; a map read whole from one region is remembered for {@link #replay}. */
  Map<String, V> build() {
    if (source == Source.REPLAYED) {
      return replayed;
    }
    Map<String, V> map = builder.build();
    if (source == Source.ONE_REGION && regionEnd >= 0) {
      lastStart = regionStart;
      lastLength = regionEnd - regionStart;
      last = map;
    }
    return map;
  }
}
