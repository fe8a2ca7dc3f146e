package dev.tracehouse.intake.datadog;

import java.util.HashMap;
import java.util.Map;

/**
 * Collects one span's meta or metrics, a repeated key keeping its last value, and builds the JDK
 * immutable map that {@link dev.tracehouse.model.Span} keeps as it is ({@code Map.copyOf} of such a
 * map copies nothing). Up to ten entries live in two reused arrays; more spill into a {@link
 * HashMap}. Reused from span to span with {@link #clear}.
 *
 * <p>Spans of one payload mostly send the same keys in the same order, and the decoder hands out
 * one {@link String} per repeated key. While the keys put so far are the very instances of the last
 * inline map built, in the same order, a key that is the next of those instances cannot repeat an
 * earlier one (that map's keys are distinct), so it is added without the duplicate scan.
 */
final class TagMapBuilder<V> {
  /** The most pairs {@code Map.of} takes. */
  private static final int INLINE = 10;

  private final String[] keys = new String[INLINE];
  private final Object[] values = new Object[INLINE];
  private final String[] previousKeys = new String[INLINE];
  private final Object[] previousValues = new Object[INLINE];
  private int size;
  private Map<String, V> spill;
  private int previousSize = -1;
  private Map<String, V> previous;

  /** Whether every key put since {@link #clear} is the previous map's key at the same index. */
  private boolean repeatsPrevious;

  void clear() {
    size = 0;
    spill = null;
    repeatsPrevious = true;
  }

  void put(String key, V value) {
    if (spill != null) {
      spill.put(key, value);
      return;
    }
    if (repeatsPrevious && size < previousSize && previousKeys[size] == key) {
      keys[size] = key;
      values[size] = value;
      size++;
      return;
    }
    repeatsPrevious = false;
    int hash = key.hashCode();
    for (int i = 0; i < size; i++) {
      if (keys[i].hashCode() == hash && keys[i].equals(key)) {
        values[i] = value;
        return;
      }
    }
    if (size < INLINE) {
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
    if (!sameAsPrevious()) {
      previous = inline();
      previousSize = size;
      System.arraycopy(keys, 0, previousKeys, 0, size);
      System.arraycopy(values, 0, previousValues, 0, size);
    }
    return previous;
  }

  private boolean sameAsPrevious() {
    if (size != previousSize) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      if (!(repeatsPrevious || keys[i].equals(previousKeys[i]))
          || !values[i].equals(previousValues[i])) {
        return false;
      }
    }
    return true;
  }

  private Map<String, V> inline() {
    return switch (size) {
      case 0 -> Map.of();
      case 1 -> Map.of(keys[0], value(0));
      case 2 -> Map.of(keys[0], value(0), keys[1], value(1));
      case 3 -> Map.of(keys[0], value(0), keys[1], value(1), keys[2], value(2));
      case 4 -> Map.of(keys[0], value(0), keys[1], value(1), keys[2], value(2), keys[3], value(3));
      case 5 ->
          Map.of(
              keys[0], value(0), keys[1], value(1), keys[2], value(2), keys[3], value(3), keys[4],
              value(4));
      case 6 ->
          Map.of(
              keys[0], value(0), keys[1], value(1), keys[2], value(2), keys[3], value(3), keys[4],
              value(4), keys[5], value(5));
      case 7 ->
          Map.of(
              keys[0], value(0), keys[1], value(1), keys[2], value(2), keys[3], value(3), keys[4],
              value(4), keys[5], value(5), keys[6], value(6));
      case 8 ->
          Map.of(
              keys[0], value(0), keys[1], value(1), keys[2], value(2), keys[3], value(3), keys[4],
              value(4), keys[5], value(5), keys[6], value(6), keys[7], value(7));
      case 9 ->
          Map.of(
              keys[0], value(0), keys[1], value(1), keys[2], value(2), keys[3], value(3), keys[4],
              value(4), keys[5], value(5), keys[6], value(6), keys[7], value(7), keys[8], value(8));
      default ->
          Map.of(
              keys[0], value(0), keys[1], value(1), keys[2], value(2), keys[3], value(3), keys[4],
              value(4), keys[5], value(5), keys[6], value(6), keys[7], value(7), keys[8], value(8),
              keys[9], value(9));
    };
  }

  @SuppressWarnings("unchecked")
  private V value(int i) {
    return (V) values[i];
  }
}
