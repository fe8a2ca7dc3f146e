package dev.tracehouse.intake.datadog;

import dev.tracehouse.model.TagMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Collects one span's meta or metrics, a repeated key keeping its last value, and builds the {@link
 * TagMap} that {@link dev.tracehouse.model.Span} keeps as it is. Up to sixteen entries live in
 * reused arrays; more spill into a {@link HashMap} copied by {@code Map.copyOf}. Reused from span
 * to span with {@link #clear}.
 *
 * <p>Spans of one payload mostly send the same keys in the same order, and the decoder hands out
 * one {@link String} per repeated key. While the keys put so far are the very instances of the last
 * map built, in the same order, a key that is the next of those instances cannot repeat an earlier
 * one (that map's keys are distinct), so it is added without the duplicate scan; and when all of
 * them are, the new map shares that map's {@link TagMap.Keys} and only its values are copied. A map
 * whose values also repeat the last map's is that map. Keys are also shared with any of the last
 * few key sets with the same strings in the same order (spans of a few kinds interleave).
 */
final class TagMapBuilder<V> {
  /** Entries held in the arrays before spilling. */
  private static final int INLINE = 16;

  /** Slots of {@link #recentKeys}: 2^6. */
  private static final int KEY_SET_BITS = 6;

  private final String[] keys = new String[INLINE];
  private final Object[] values = new Object[INLINE];
  private final Object[] previousValues = new Object[INLINE];
  private int size;
  private Map<String, V> spill;
  private TagMap.Keys previousKeys = TagMap.Keys.of(keys, 0);
  private Map<String, V> previous = Map.of();

  /** The keys of recent maps, by a hash of their strings (one slot each, newest wins). */
  private final TagMap.Keys[] recentKeys = new TagMap.Keys[1 << KEY_SET_BITS];

  /** Whether every key put since {@link #clear} is the previous map's key at the same index. */
  private boolean repeatsPrevious;

  /**
   * Bit (hash mod 64) set for the hash of every key in the arrays: a key whose bit is clear cannot
   * repeat one of them, so the duplicate scan is skipped.
   */
  private long hashBits;

  void clear() {
    size = 0;
    spill = null;
    repeatsPrevious = true;
    hashBits = 0;
  }

  void put(String key, V value) {
    if (spill != null) {
      spill.put(key, value);
      return;
    }
    if (repeatsPrevious && size < previousKeys.size() && previousKeys.get(size) == key) {
      hashBits |= 1L << key.hashCode();
      keys[size] = key;
      values[size] = value;
      size++;
      return;
    }
    repeatsPrevious = false;
    int hash = key.hashCode();
    long bit = 1L << hash;
    if ((hashBits & bit) != 0) {
      for (int i = 0; i < size; i++) {
        if (keys[i].hashCode() == hash && keys[i].equals(key)) {
          values[i] = value;
          return;
        }
      }
    }
    if (size < INLINE) {
      hashBits |= bit;
      keys[size] = key;
      values[size] = value;
      size++;
      return;
    }
    spill = new HashMap<>();
    for (int i = 0; i < size; i++) {
      spill.put(keys[i], value(i));
    }
    spill.put(key, value);
  }

  Map<String, V> build() {
    if (spill != null) {
      return Map.copyOf(spill);
    }
    boolean sameKeys = size == previousKeys.size() && (repeatsPrevious || keysEqualPrevious());
    if (sameKeys && valuesEqualPrevious()) {
      return previous;
    }
    if (!sameKeys) {
      previousKeys = recentKeys();
    }
    previous = size == 0 ? Map.of() : TagMap.of(previousKeys, values);
    System.arraycopy(values, 0, previousValues, 0, size);
    return previous;
  }

  /**
   * The keys put, shared with a recent map that had the very same key strings in the same order
   * (the decoder hands out one {@link String} per repeated key), else new.
   */
  private TagMap.Keys recentKeys() {
    int hash = size;
    for (int i = 0; i < size; i++) {
      hash = hash * 31 + keys[i].hashCode();
    }
    int slot = (hash * 0x9e37_79b9) >>> (32 - KEY_SET_BITS);
    TagMap.Keys recent = recentKeys[slot];
    if (recent == null || recent.size() != size || !sameStrings(recent)) {
      recent = TagMap.Keys.of(keys, size);
      recentKeys[slot] = recent;
    }
    return recent;
  }

  private boolean sameStrings(TagMap.Keys recent) {
    for (int i = 0; i < size; i++) {
      if (keys[i] != recent.get(i)) {
        return false;
      }
    }
    return true;
  }

  private boolean keysEqualPrevious() {
    for (int i = 0; i < size; i++) {
      if (!keys[i].equals(previousKeys.get(i))) {
        return false;
      }
    }
    return true;
  }

  private boolean valuesEqualPrevious() {
    for (int i = 0; i < size; i++) {
      if (!values[i].equals(previousValues[i])) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private V value(int i) {
    return (V) values[i];
  }
}
